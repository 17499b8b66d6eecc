import JixiaoCore

/// How an indicator's target is printed, in the report, the tables and the pages alike: a qualitative target as
/// written, a quantitative one with its direction and unit (`≥40 场`, `≤58 万元`, `≥95%`).
public enum IndicatorText {
    public static func target(_ indicator: Indicator) -> String {
        indicator.nature == .qualitative ? indicator.targetText
            : indicator.direction.symbol + ChineseText.quantity(indicator.targetText, indicator.unit)
    }
}
