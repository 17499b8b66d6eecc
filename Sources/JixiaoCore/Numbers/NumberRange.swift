/// The numbers a bundle, workbook, CSV export or form may hold, by kind. Everything the reader accepts is inside one
/// of these ranges, so the engines' arithmetic stays small and fast (it is exact and cannot overflow whatever the
/// input; the ranges keep it in the native 128-bit path and keep documents sensible). A number outside its range
/// is refused with its path or cell and what the range is. `docs/bundle.md` lists them.
public struct NumberRange: Sendable, Hashable {
    /// Digits before the point, at most.
    public let integerDigits: Int
    /// Digits after the point, at most (trailing zeros not counted).
    public let decimalPlaces: Int
    /// Whether `1e5`-style exponents are read.
    public let allowsExponent: Bool
    /// Whether the value may be below zero; `-0` is refused where it may not.
    public let allowsNegative: Bool
    /// For money, the unit whose fen bound the decimals, so that too many are worded as finer than a fen.
    public var moneyUnit: Money.Unit? = nil

    /// Counts and measured quantities: targets, actual values, progress, tier bounds, activity figures.
    /// Up to 15 digits before the point and 6 after, either sign, exponents allowed (`4e6`).
    public static let quantity = NumberRange(integerDigits: 15, decimalPlaces: 6, allowsExponent: true,
                                             allowsNegative: true)

    /// Points: weights, scores, tier scores and deductions. 0 to 9999.9999.
    public static let points = NumberRange(integerDigits: 4, decimalPlaces: 4, allowsExponent: false,
                                           allowsNegative: false)

    /// A share of a whole with up to 6 decimals (0.6 means 60 %); whoever reads one says why above 1 is wrong.
    public static let share = NumberRange(integerDigits: 1, decimalPlaces: 6, allowsExponent: false,
                                          allowsNegative: false)

    /// Amounts of money: below 10¹³ yuan (10万亿元, more than any province's whole budget) — 13 digits before the
    /// point and 2 after in yuan, 9 and 6 in 万元 — never with an exponent; a sign only where `negative` allows one.
    public static func money(_ unit: Money.Unit, negative: Bool) -> NumberRange {
        NumberRange(integerDigits: unit.integerDigits, decimalPlaces: unit.decimalPlaces, allowsExponent: false,
                    allowsNegative: negative, moneyUnit: unit)
    }

    /// Why a literal is outside this range, in English and Chinese; nil when it is inside.
    public func fault(_ literal: DecimalLiteral) -> (english: String, chinese: String)? {
        if literal.hasExponent, !allowsExponent {
            return ("is written with an exponent (write the digits out, e.g. 100000)", "使用了科学计数法（请直接写出数字，如 100000）")
        }
        if literal.hasMinusSign, literal.value.signum == 0 {
            return ("is negative zero (write 0)", "是负零（请填写 0）")
        }
        if literal.hasMinusSign, !allowsNegative {
            return ("is negative (expected a number ≥ 0)", "是负数（应不小于 0）")
        }
        if literal.integerDigits > integerDigits {
            return ("has \(literal.integerDigits) digits before the point (at most \(integerDigits))",
                    "整数部分有 \(literal.integerDigits) 位（最多 \(integerDigits) 位）")
        }
        if literal.decimalPlaces > decimalPlaces, let unit = moneyUnit {
            return ("is not a whole number of fen (at most \(decimalPlaces) decimals in \(unit.rawValue))",
                    "精确到分以下（以\(unit == .yuan ? "元" : "万元")计最多 \(decimalPlaces) 位小数）")
        }
        if literal.decimalPlaces > decimalPlaces {
            return ("has \(literal.decimalPlaces) decimals (at most \(decimalPlaces))",
                    "有 \(literal.decimalPlaces) 位小数（最多 \(decimalPlaces) 位）")
        }
        return nil
    }
}
