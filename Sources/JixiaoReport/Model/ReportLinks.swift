/// Links from the score table's figures to what supports them — evidence files, records, the scoring — for a
/// report read in the system (the HTML download); a published or printed report has none.
public struct ReportLinks: Sendable, Hashable {
    /// Beside the budget's 全年执行数.
    public var budget: [Table.Cell.Link]
    /// Beside an indicator's 实际完成值, by indicator id.
    public var indicators: [String: [Table.Cell.Link]]

    public init(budget: [Table.Cell.Link] = [],
                indicators: [String: [Table.Cell.Link]] = [:]) {
        self.budget = budget
        self.indicators = indicators
    }
}
