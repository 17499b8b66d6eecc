import JixiaoCore

/// How an indicator's target is printed, in the report, the tables and the pages alike: a qualitative target as
/// written, a quantitative one with its direction and unit (`≥40 场`, `≤58 万元`, `≥95%`), a rule indicator without
/// a target by its rule (`≤ 1，每超 0.01 扣 0.5 分`).
public enum IndicatorText {
    public static func target(_ indicator: Indicator) -> String {
        if indicator.targetText.isEmpty { return indicator.statedTarget }
        return indicator.nature == .qualitative ? indicator.targetText
            : indicator.direction.symbol + ChineseText.quantity(indicator.targetText, indicator.unit)
    }
}
