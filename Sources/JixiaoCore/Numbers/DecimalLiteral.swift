import BigInt

/// A plain decimal literal as written — optional sign, digits, optional fraction, optional exponent (`"864.40"`,
/// `"-3"`, `".5"`, `"1e3"`) — with its exact value and the facts a reader checks against its ranges: how many
/// digits the value has before and after the point, whether it used an exponent, whether it carried a minus sign.
public struct DecimalLiteral: Sendable, Hashable {
    /// The exact value.
    public let value: Rational
    /// Written with a leading minus sign: `"-0"` is negative zero, which no amount means.
    public let hasMinusSign: Bool
    /// Written with `e` or `E`.
    public let hasExponent: Bool
    /// Digits of the value before the point, leading zeros not counted (0 for values below 1).
    public let integerDigits: Int
    /// Decimals the value needs, trailing zeros not counted (`"1.50"` needs 1, `"1e-20"` needs 20).
    public let decimalPlaces: Int

    /// Parses a literal; nil for anything else — empty text, thousands separators, spaces, more than
    /// ``Rational/literalDigitLimit`` digits or an exponent beyond ``Rational/literalExponentLimit``.
    public init?(_ text: String) {
        var bytes = Substring(text).utf8[...]
        let first = bytes.first
        hasMinusSign = first == UInt8(ascii: "-")
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }

        // Significant digits (leading zeros dropped) kept natively while they fit, in arbitrary precision beyond.
        var native: Int128 = 0
        var big: BigInt?
        var written = 0
        var significant = 0
        var scale = 0
        var seenPoint = false
        var exponent = 0
        var exponentWritten = false
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                written += 1
                guard written <= Rational.literalDigitLimit else { return nil }
                let digit = Int128(byte - UInt8(ascii: "0"))
                if significant > 0 || digit != 0 { significant += 1 }
                if significant == 37 { big = BigInt(native) }
                if let value = big { big = value * 10 + BigInt(digit) } else { native = native * 10 + digit }
                if seenPoint { scale += 1 }
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                guard written > 0, let value = DecimalLiteral.exponent(bytes[bytes.index(after: index)...]) else {
                    return nil
                }
                exponent = value
                exponentWritten = true
                break
            } else {
                return nil
            }
            index = bytes.index(after: index)
        }
        guard written > 0 else { return nil }
        hasExponent = exponentWritten

        // Trailing zeros of a fraction say nothing about the value: `1.50` needs one decimal.
        var power = exponent - scale
        if big == nil {
            while power < 0, native != 0, native % 10 == 0 { native /= 10; power += 1; significant -= 1 }
        }
        if significant == 0 { power = 0 }
        decimalPlaces = max(0, -power)
        integerDigits = max(0, significant + power)

        let sign: Int128 = hasMinusSign ? -1 : 1
        if let big {
            let signed = hasMinusSign ? -big : big
            value = power >= 0 ? Rational(signed * BigInt(10).power(power))
                : Rational(signed) / Rational(BigInt(10).power(-power))
        } else if power >= 0, power <= 38, case (let product, false) = native.multipliedReportingOverflow(
            by: Rational.powerOfTen(power)) {
            value = Rational(sign * product)
        } else if power < 0, power >= -38 {
            value = Rational(sign * native, Rational.powerOfTen(-power))
        } else {
            let signed = BigInt(sign * native)
            value = power >= 0 ? Rational(signed * BigInt(10).power(power))
                : Rational(signed) / Rational(BigInt(10).power(-power))
        }
    }

    /// An exponent: optional sign and one to three digits within the limit.
    private static func exponent(_ bytes: Substring.UTF8View.SubSequence) -> Int? {
        var rest = bytes
        let negative = rest.first == UInt8(ascii: "-")
        if rest.first == UInt8(ascii: "-") || rest.first == UInt8(ascii: "+") { rest = rest.dropFirst() }
        guard (1...3).contains(rest.count), rest.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        let magnitude = rest.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        guard magnitude <= Rational.literalExponentLimit else { return nil }
        return negative ? -magnitude : magnitude
    }
}
