extension Rational {
    /// `part / whole`, or nil when the whole is zero: the caller decides what an empty base means.
    public static func ratio(_ part: Money, of whole: Money) -> Rational? {
        whole.fen == 0 ? nil : Rational(part.fen, whole.fen)
    }

    /// The smaller of two values.
    public static func min(_ a: Rational, _ b: Rational) -> Rational { a < b ? a : b }

    /// The larger of two values.
    public static func max(_ a: Rational, _ b: Rational) -> Rational { a < b ? b : a }

    /// A fraction written as a percentage with `places` decimals, half-up: 0.98985 → "98.99%".
    public func percentString(places: Int) -> String {
        Rounding(mode: .halfUp, places: places).format(self * Rational(100)) + "%"
    }
}

extension Rational: ExpressibleByIntegerLiteral {
    /// A whole number written as a literal: `Rational(6, 5) * 100`.
    public init(integerLiteral value: Int) { self.init(Int128(value)) }
}
