/// An exact rational number: decimal inputs go in, rounded decimal strings come out, and nothing in between is
/// ever approximated. Scores and ratios are computed with it so that no `Double` touches money or points.
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The numerator; carries the sign.
    public let numerator: Int128
    /// The denominator; always positive and coprime with the numerator.
    public let denominator: Int128

    /// Creates `numerator / denominator`, reduced. The denominator must not be zero.
    public init(_ numerator: Int128, _ denominator: Int128 = 1) {
        precondition(denominator != 0, "Rational with a zero denominator")
        let divisor = Rational.gcd(numerator.magnitude, denominator.magnitude)
        let sign: Int128 = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / Int128(divisor)
        self.denominator = sign * denominator / Int128(divisor)
    }

    /// Creates an integer value.
    public init(_ value: Int) { self.init(Int128(value)) }

    public static let zero = Rational(0)
    public static let one = Rational(1)

    /// Parses a plain decimal literal: optional sign, digits, optional fraction, optional exponent
    /// (`"864.40"`, `"-3"`, `".5"`, `"1e3"`). Returns nil for anything else, including empty text and thousands
    /// separators, so callers can report the exact bad value.
    public init?(decimal text: String) {
        var scalars = Substring(text).utf8[...]
        var negative = false
        if let first = scalars.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            scalars = scalars.dropFirst()
        }
        var mantissa: Int128 = 0
        var scale = 0
        var digits = 0
        var seenPoint = false
        var exponent = 0
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let byte = scalars[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
                guard digits <= 30 else { return nil }
                mantissa = mantissa * 10 + Int128(byte - UInt8(ascii: "0"))
                if seenPoint { scale += 1 }
            } else if byte == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                guard digits > 0, let value = Int(String(decoding: scalars[scalars.index(after: index)...], as: UTF8.self)),
                      abs(value) <= 30 else { return nil }
                exponent = value
                index = scalars.endIndex
                break
            } else {
                return nil
            }
            index = scalars.index(after: index)
        }
        guard digits > 0 else { return nil }
        let power = exponent - scale
        guard abs(power) <= 36 else { return nil }
        let signed = negative ? -mantissa : mantissa
        if power >= 0 {
            let (product, overflow) = signed.multipliedReportingOverflow(by: Rational.powerOfTen(power))
            guard !overflow else { return nil }
            self.init(product)
        } else {
            self.init(signed, Rational.powerOfTen(-power))
        }
    }

    /// Whether the value is a whole number.
    public var isInteger: Bool { denominator == 1 }

    /// The value rounded toward negative infinity to a whole number.
    public var floor: Int128 {
        let quotient = numerator / denominator
        return numerator < 0 && quotient * denominator != numerator ? quotient - 1 : quotient
    }

    /// The absolute value.
    public var magnitude: Rational { numerator < 0 ? Rational(-numerator, denominator) : self }

    /// The exact value as a decimal string when it terminates within 12 places, otherwise half-up at 12 places.
    public var description: String {
        for places in 0...12 where Rational.powerOfTen(places) % denominator == 0 {
            return formatted(places: places)
        }
        return Rounding(mode: .halfUp, places: 12).apply(self).formatted(places: 12)
    }

    /// Formats a value whose denominator divides 10^places with exactly `places` decimals.
    /// Round with ``Rounding`` first; a value that does not fit is rounded half-up here.
    public func formatted(places: Int) -> String {
        let scaled = Rounding(mode: .halfUp, places: places).apply(self)
        let units = scaled.numerator * (Rational.powerOfTen(places) / scaled.denominator)
        let sign = units < 0 ? "-" : ""
        let digits = String(units.magnitude)
        guard places > 0 else { return sign + digits }
        let padded = String(repeating: "0", count: Swift.max(0, places + 1 - digits.count)) + digits
        return sign + padded.dropLast(places) + "." + padded.suffix(places)
    }

    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }

    public static func + (lhs: Rational, rhs: Rational) -> Rational {
        let divisor = Int128(gcd(lhs.denominator.magnitude, rhs.denominator.magnitude))
        let left = lhs.numerator * (rhs.denominator / divisor)
        let right = rhs.numerator * (lhs.denominator / divisor)
        return Rational(left + right, lhs.denominator / divisor * rhs.denominator)
    }

    public static prefix func - (value: Rational) -> Rational { Rational(-value.numerator, value.denominator) }

    public static func - (lhs: Rational, rhs: Rational) -> Rational { lhs + -rhs }

    public static func * (lhs: Rational, rhs: Rational) -> Rational {
        let first = Int128(gcd(lhs.numerator.magnitude, rhs.denominator.magnitude))
        let second = Int128(gcd(rhs.numerator.magnitude, lhs.denominator.magnitude))
        return Rational((lhs.numerator / first) * (rhs.numerator / second),
                        (lhs.denominator / second) * (rhs.denominator / first))
    }

    /// Division; the divisor must not be zero.
    public static func / (lhs: Rational, rhs: Rational) -> Rational {
        precondition(rhs.numerator != 0, "division by zero")
        return lhs * Rational(rhs.denominator, rhs.numerator)
    }

    public static func += (lhs: inout Rational, rhs: Rational) { lhs = lhs + rhs }

    /// 10^exponent for 0 ≤ exponent ≤ 38.
    static func powerOfTen(_ exponent: Int) -> Int128 {
        var result: Int128 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    private static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : a
    }
}

extension Sequence where Element == Rational {
    /// The exact sum.
    public func sum() -> Rational { reduce(.zero, +) }
}
