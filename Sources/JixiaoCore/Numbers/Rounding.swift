/// A template's rounding rule, applied to every score and to the total.
public struct Rounding: Sendable, Hashable {
    /// How the digits beyond `places` are dropped.
    public enum Mode: String, Sendable, CaseIterable {
        /// Half away from zero (四舍五入).
        case halfUp
        /// Toward zero (截尾), as Chongqing does.
        case truncate
        /// Half-up to a whole number whatever `places` says, as Hebei does.
        case integer
    }

    public var mode: Mode
    public var places: Int

    public init(mode: Mode, places: Int) {
        self.mode = mode
        self.places = mode == .integer ? 0 : places
    }

    /// The number of decimals a rounded value is written with.
    public var displayPlaces: Int { places }

    /// Rounds a value by this rule.
    public func apply(_ value: Rational) -> Rational { value.rounded(places: places, halfUp: mode != .truncate) }

    /// Rounds and formats with exactly `places` decimals.
    public func format(_ value: Rational) -> String { apply(value).formatted(places: places) }
}
