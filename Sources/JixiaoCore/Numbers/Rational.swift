import BigInt

/// An exact rational number: decimal inputs go in, rounded decimal strings come out, and nothing in between is
/// ever approximated. Scores and ratios are computed with it so that no `Double` touches money or points.
///
/// No operation can overflow. Values whose numerator and denominator fit in `Int128` are computed natively; an
/// operation whose result would not fit carries on in arbitrary precision (`BigInt`), and a result that fits again
/// comes back to the native form. So an input with extreme numbers costs time, never a trap.
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Reduced, denominator positive. `small` whenever both parts fit in `Int128` (and the numerator is not
    /// `Int128.min`, so negating never overflows); `big` only otherwise. Equal values therefore have equal storage.
    private enum Storage: Sendable, Hashable {
        case small(Int128, Int128)
        indirect case big(BigInt, BigInt)
    }

    private let storage: Storage

    private init(storage: Storage) { self.storage = storage }

    /// Creates `numerator / denominator`, reduced. The denominator must not be zero.
    public init(_ numerator: Int128, _ denominator: Int128 = 1) {
        precondition(denominator != 0, "Rational with a zero denominator")
        if numerator != .min, denominator != .min {
            let divisor = Int128(Rational.gcd(numerator.magnitude, denominator.magnitude))
            let sign: Int128 = denominator < 0 ? -1 : 1
            self.init(storage: .small(sign * (numerator / divisor), sign * (denominator / divisor)))
        } else {
            self = Rational.reduced(BigInt(numerator), BigInt(denominator))
        }
    }

    /// Creates an integer value.
    public init(_ value: Int) { self.init(Int128(value)) }

    /// Creates an integer value from an arbitrary-precision integer.
    public init(_ value: BigInt) { self = Rational.reduced(value, 1) }

    public static let zero = Rational(0)
    public static let one = Rational(1)

    /// The largest number of digits and the largest exponent magnitude ``init(decimal:)`` reads: far beyond what
    /// any reader accepts, and small enough that a hostile literal cannot make arithmetic slow.
    public static let literalDigitLimit = 40
    public static let literalExponentLimit = 40

    /// Parses a plain decimal literal: optional sign, digits, optional fraction, optional exponent
    /// (`"864.40"`, `"-3"`, `".5"`, `"1e3"`). Returns nil for anything else, including empty text, thousands
    /// separators and literals beyond ``literalDigitLimit`` digits or ``literalExponentLimit``, so callers can
    /// report the exact bad value. ``DecimalLiteral`` tells how a literal is written, for range checks.
    public init?(decimal text: String) {
        guard let literal = DecimalLiteral(text) else { return nil }
        self = literal.value
    }

    // MARK: Properties

    /// Whether the value is a whole number.
    public var isInteger: Bool {
        switch storage {
        case .small(_, let denominator): denominator == 1
        case .big(_, let denominator): denominator == 1
        }
    }

    /// -1, 0 or 1.
    public var signum: Int {
        switch storage {
        case .small(let numerator, _): numerator == 0 ? 0 : (numerator < 0 ? -1 : 1)
        case .big(let numerator, _): numerator.isZero ? 0 : (numerator.sign == .minus ? -1 : 1)
        }
    }

    /// The value rounded toward negative infinity to a whole number.
    public var floor: Rational {
        let (quotient, remainder) = parts.numerator.quotientAndRemainder(dividingBy: parts.denominator)
        return Rational(remainder.signum() < 0 ? quotient - 1 : quotient)
    }

    /// The absolute value.
    public var magnitude: Rational { signum < 0 ? -self : self }

    /// The value when it is a whole number that fits in `Int64`.
    public var int64Value: Int64? {
        switch storage {
        case .small(let numerator, 1): Int64(exactly: numerator)
        default: nil
        }
    }

    /// The value when it is a whole number that fits in `Int128`.
    public var int128Value: Int128? {
        switch storage {
        case .small(let numerator, 1): numerator
        default: nil
        }
    }

    /// Whether the value is written exactly with `places` decimals (its denominator divides 10^places).
    public func terminates(within places: Int) -> Bool {
        switch storage {
        case .small(_, let denominator) where places <= 38: Rational.powerOfTen(places) % denominator == 0
        default: (BigInt(10).power(places) % parts.denominator).isZero
        }
    }

    /// Numerator and denominator in arbitrary precision: for the slow paths and for formatting.
    private var parts: (numerator: BigInt, denominator: BigInt) {
        switch storage {
        case .small(let numerator, let denominator): (BigInt(numerator), BigInt(denominator))
        case .big(let numerator, let denominator): (numerator, denominator)
        }
    }

    // MARK: Text

    /// The exact value as a decimal string when it terminates within 12 places, otherwise half-up at 12 places.
    public var description: String {
        for places in 0...12 where terminates(within: places) { return formatted(places: places) }
        return formatted(places: 12)
    }

    /// The exact value as `numerator/denominator` (just the numerator for a whole number): how a value that may
    /// not terminate, such as a rate of 2 tasks in 3, is stored without losing a digit.
    public var fractionText: String {
        let (numerator, denominator) = parts
        return denominator == 1 ? String(numerator) : "\(numerator)/\(denominator)"
    }

    /// Reads ``fractionText``: a decimal literal, or two integer literals joined by `/` (denominator not zero).
    public init?(fraction text: String) {
        let halves = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard halves.count == 2 else {
            self.init(decimal: text)
            return
        }
        guard let numerator = Rational(decimal: String(halves[0])), numerator.isInteger,
              let denominator = Rational(decimal: String(halves[1])), denominator.isInteger,
              denominator.signum != 0 else { return nil }
        self = numerator / denominator
    }

    /// The value with exactly `places` decimals; a value that does not fit is rounded half-up here (round with
    /// ``Rounding`` first to choose the rule).
    public func formatted(places: Int) -> String {
        let (negative, digits) = unitDigits(places: places)
        let sign = negative ? "-" : ""
        guard places > 0 else { return sign + digits }
        let padded = String(repeating: "0", count: Swift.max(0, places + 1 - digits.count)) + digits
        return sign + padded.dropLast(places) + "." + padded.suffix(places)
    }

    /// The sign and the digits of the value × 10^places rounded half-up: natively when it fits, as almost always.
    private func unitDigits(places: Int) -> (negative: Bool, digits: String) {
        if places <= 38, case .small(let numerator, let denominator) = rounded(places: places, halfUp: true).storage,
           case (let units, false) = numerator.multipliedReportingOverflow(by: Rational.powerOfTen(places) / denominator) {
            return (units < 0, String(units.magnitude))
        }
        let units = scaledUnits(places: places, halfUp: true)
        return (units.signum() < 0, String(units.magnitude))
    }

    /// The value rounded to `places` decimals: half away from zero, or toward zero.
    func rounded(places: Int, halfUp: Bool) -> Rational {
        if case .small(let numerator, let denominator) = storage, places <= 38 {
            let (scaled, overflow) = numerator.multipliedReportingOverflow(by: Rational.powerOfTen(places))
            if !overflow {
                var quotient = scaled / denominator
                let remainder = scaled - quotient * denominator
                if halfUp, remainder.magnitude >= denominator.magnitude - remainder.magnitude {
                    quotient += numerator < 0 ? -1 : 1
                }
                return Rational(quotient, Rational.powerOfTen(places))
            }
        }
        return Rational.reduced(scaledUnits(places: places, halfUp: halfUp), BigInt(10).power(places))
    }

    /// The value × 10^places as a whole number, rounded.
    private func scaledUnits(places: Int, halfUp: Bool) -> BigInt {
        let (numerator, denominator) = parts
        let scaled = numerator * BigInt(10).power(places)
        var (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: denominator)
        if halfUp, remainder.magnitude * 2 >= denominator.magnitude {
            quotient += numerator.signum() < 0 ? -1 : 1
        }
        return quotient
    }

    // MARK: Arithmetic

    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        if case .small(let a, let b) = lhs.storage, case .small(let c, let d) = rhs.storage {
            if b == d { return a < c }
            let left = a.multipliedFullWidth(by: d)
            let right = c.multipliedFullWidth(by: b)
            return (left.high, left.low) < (right.high, right.low)
        }
        let (a, b) = lhs.parts
        let (c, d) = rhs.parts
        return a * d < c * b
    }

    public static func + (lhs: Rational, rhs: Rational) -> Rational {
        if case .small(let a, let b) = lhs.storage, case .small(let c, let d) = rhs.storage {
            if b == d, case (let sum, false) = a.addingReportingOverflow(c), sum != .min {
                return Rational(sum, b)
            }
            let divisor = Int128(gcd(b.magnitude, d.magnitude))
            let (left, leftOverflow) = a.multipliedReportingOverflow(by: d / divisor)
            let (right, rightOverflow) = c.multipliedReportingOverflow(by: b / divisor)
            let (denominator, denominatorOverflow) = (b / divisor).multipliedReportingOverflow(by: d)
            if !leftOverflow, !rightOverflow, !denominatorOverflow,
               case (let sum, false) = left.addingReportingOverflow(right), sum != .min {
                return Rational(sum, denominator)
            }
        }
        let (a, b) = lhs.parts
        let (c, d) = rhs.parts
        return reduced(a * d + c * b, b * d)
    }

    public static prefix func - (value: Rational) -> Rational {
        switch value.storage {
        case .small(let numerator, let denominator): Rational(storage: .small(-numerator, denominator))
        case .big(let numerator, let denominator): reduced(-numerator, denominator)
        }
    }

    public static func - (lhs: Rational, rhs: Rational) -> Rational { lhs + -rhs }

    public static func * (lhs: Rational, rhs: Rational) -> Rational {
        if case .small(let a, let b) = lhs.storage, case .small(let c, let d) = rhs.storage {
            let first = Int128(gcd(a.magnitude, d.magnitude))
            let second = Int128(gcd(c.magnitude, b.magnitude))
            let (numerator, numeratorOverflow) = (a / first).multipliedReportingOverflow(by: c / second)
            let (denominator, denominatorOverflow) = (b / second).multipliedReportingOverflow(by: d / first)
            if !numeratorOverflow, !denominatorOverflow, numerator != .min {
                return Rational(storage: .small(numerator, denominator))
            }
        }
        let (a, b) = lhs.parts
        let (c, d) = rhs.parts
        return reduced(a * c, b * d)
    }

    /// Division; the divisor must not be zero.
    public static func / (lhs: Rational, rhs: Rational) -> Rational {
        precondition(rhs.signum != 0, "division by zero")
        return lhs * rhs.reciprocal
    }

    public static func += (lhs: inout Rational, rhs: Rational) { lhs = lhs + rhs }

    /// 1 / value; the value must not be zero.
    private var reciprocal: Rational {
        switch storage {
        case .small(let numerator, let denominator):
            numerator < 0 ? Rational(storage: .small(-denominator, -numerator))
                : Rational(storage: .small(denominator, numerator))
        case .big(let numerator, let denominator):
            Rational.reduced(numerator.signum() < 0 ? -denominator : denominator, numerator.magnitude.asBigInt)
        }
    }

    // MARK: Helpers

    /// `numerator / denominator` reduced, in the native form when it fits.
    private static func reduced(_ numerator: BigInt, _ denominator: BigInt) -> Rational {
        precondition(!denominator.isZero, "Rational with a zero denominator")
        let divisor = BigInt(numerator.magnitude.greatestCommonDivisor(with: denominator.magnitude))
        var top = numerator / (divisor.isZero ? 1 : divisor)
        var bottom = denominator / (divisor.isZero ? 1 : divisor)
        if bottom.signum() < 0 { (top, bottom) = (-top, -bottom) }
        if numerator.isZero { (top, bottom) = (0, 1) }
        if let small = Int128(exactly: top), small != .min, let smallDenominator = Int128(exactly: bottom) {
            return Rational(storage: .small(small, smallDenominator))
        }
        return Rational(storage: .big(top, bottom))
    }

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

extension BigUInt {
    fileprivate var asBigInt: BigInt { BigInt(sign: .plus, magnitude: self) }
}

extension Sequence where Element == Rational {
    /// The exact sum.
    public func sum() -> Rational { reduce(.zero, +) }
}

extension Collection where Element == Rational {
    /// The middle value (the mean of the two middle values for an even count), exact; nil when empty.
    public func median() -> Rational? {
        guard !isEmpty else { return nil }
        let sorted = self.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / Rational(2) : sorted[middle]
    }
}
