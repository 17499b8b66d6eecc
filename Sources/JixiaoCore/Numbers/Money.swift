/// An exact amount of money in fen (分), the smallest unit of the yuan.
///
/// The count is 128 bits wide so that totals cannot overflow: the bundle reader accepts amounts below 10¹³ yuan
/// (10¹⁵ fen), and more than 10²³ of them would be needed to reach the limit. Single amounts are stored in the
/// database's 64-bit integers (``storedFen``).
public struct Money: Sendable, Hashable, Comparable, AdditiveArithmetic {
    /// The amount in fen.
    public var fen: Int128

    /// An amount of fen given as any signed integer (a literal, a 64-bit database column, a 128-bit count).
    public init<Integer: SignedInteger & FixedWidthInteger>(fen: Integer) { self.fen = Int128(fen) }

    /// The amount for a 64-bit database column; nil beyond ±9.2·10¹⁸ fen, which no amount the reader accepts
    /// reaches (the store refuses to write such a value rather than truncate it).
    public var storedFen: Int64? { Int64(exactly: fen) }

    public static let zero = Money(fen: 0)

    /// The unit a bundle writes its money fields in.
    public enum Unit: String, Sendable, CaseIterable {
        /// 元, at most two decimals (fen).
        case yuan
        /// 万元, at most six decimals (fen).
        case wan

        /// How many fen one unit holds.
        public var fenPerUnit: Int128 { self == .yuan ? 100 : 1_000_000 }

        /// Digits an amount may have before the point: below 10¹³ yuan (10万亿元, more than any province's whole
        /// budget) in either unit.
        public var integerDigits: Int { self == .yuan ? 13 : 9 }

        /// Digits an amount may have after the point: down to the fen.
        public var decimalPlaces: Int { self == .yuan ? 2 : 6 }
    }

    /// Reads an amount written in `unit` as plain digits (`"864.40"`, `"-12.5"`); nil when the text is no number, is
    /// written with an exponent, is negative zero, is finer than a fen or has more than ``Unit/integerDigits``
    /// digits before the point.
    public init?(decimal text: String, unit: Unit) {
        guard let literal = DecimalLiteral(text), NumberRange.money(unit, negative: true).fault(literal) == nil else {
            return nil
        }
        self.init(exactly: literal.value * Rational(unit.fenPerUnit))
    }

    /// An amount of fen rounded half away from zero to a whole fen (a share of a budget, e.g. by 序时进度).
    public init(roundingFen fen: Rational) {
        self.fen = fen.rounded(places: 0, halfUp: true).int128Value ?? 0
    }

    /// An amount from an exact number of fen; nil unless it is a whole number of fen within range.
    public init?(exactly fen: Rational) {
        guard let value = fen.int128Value else { return nil }
        self.fen = value
    }

    /// The amount as an exact number of yuan.
    public var yuan: Rational { Rational(fen, 100) }

    /// The amount as an exact number of fen.
    public var fenValue: Rational { Rational(fen) }

    /// Yuan with two decimals, e.g. `"8644000.00"`.
    public var yuanString: String {
        let cents = fen.magnitude % 100
        return (fen < 0 ? "-" : "") + String(fen.magnitude / 100) + (cents < 10 ? ".0" : ".") + String(cents)
    }

    /// The exact amount written in `unit` with at least two decimals: `"8644000.00"` in yuan, `"864.40"` or
    /// `"0.000001"` in 万元.
    public func decimalString(in unit: Unit) -> String {
        if unit == .yuan { return yuanString }
        let value = Rational(fen, unit.fenPerUnit)
        let places = (2...6).first { value.terminates(within: $0) } ?? 6
        return value.formatted(places: places)
    }

    /// 万元 with two decimals, half-up, as documents write it, e.g. `"864.40"`.
    public var wanString: String { Rounding(mode: .halfUp, places: 2).format(wan) }

    /// The amount as an exact number of 万元.
    public var wan: Rational { Rational(fen, 1_000_000) }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen + rhs.fen) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen - rhs.fen) }
}

extension Sequence where Element == Money {
    /// The exact total.
    public func sum() -> Money { reduce(.zero, +) }
}
