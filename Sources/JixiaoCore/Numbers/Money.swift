/// An exact amount of money in fen (分), the smallest unit of the yuan.
public struct Money: Sendable, Hashable, Comparable, AdditiveArithmetic {
    /// The amount in fen.
    public var fen: Int64

    public init(fen: Int64) { self.fen = fen }

    public static let zero = Money(fen: 0)

    /// The unit a bundle writes its money fields in.
    public enum Unit: String, Sendable, CaseIterable {
        /// 元, at most two decimals (fen).
        case yuan
        /// 万元, at most six decimals (fen).
        case wan

        /// How many fen one unit holds.
        public var fenPerUnit: Int128 { self == .yuan ? 100 : 1_000_000 }
    }

    /// Reads a decimal amount written in `unit`; nil when the text is no number, is finer than a fen,
    /// or is out of range.
    public init?(decimal text: String, unit: Unit) {
        guard let value = Rational(decimal: text) else { return nil }
        self.init(exactly: value * Rational(unit.fenPerUnit))
    }

    /// An amount from an exact number of fen; nil unless it is a whole number of fen within range.
    public init?(exactly fen: Rational) {
        guard fen.isInteger, let value = Int64(exactly: fen.numerator) else { return nil }
        self.fen = value
    }

    /// The amount as an exact number of yuan.
    public var yuan: Rational { Rational(Int128(fen), 100) }

    /// Yuan with two decimals, e.g. `"8644000.00"`.
    public var yuanString: String {
        let cents = fen.magnitude % 100
        return (fen < 0 ? "-" : "") + String(fen.magnitude / 100) + (cents < 10 ? ".0" : ".") + String(cents)
    }

    /// The exact amount written in `unit` with at least two decimals: `"8644000.00"` in yuan, `"864.40"` or
    /// `"0.000001"` in 万元.
    public func decimalString(in unit: Unit) -> String {
        if unit == .yuan { return yuanString }
        let value = Rational(Int128(fen), unit.fenPerUnit)
        let places = (2...6).first { Rational.powerOfTen($0) % value.denominator == 0 } ?? 6
        return value.formatted(places: places)
    }

    /// 万元 with two decimals, half-up, as documents write it, e.g. `"864.40"`.
    public var wanString: String { Rounding(mode: .halfUp, places: 2).format(Rational(Int128(fen), 1_000_000)) }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen + rhs.fen) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen - rhs.fen) }
}

extension Sequence where Element == Money {
    /// The exact total.
    public func sum() -> Money { reduce(.zero, +) }
}
