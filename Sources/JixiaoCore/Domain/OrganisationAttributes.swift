/// What a bureau compares its budget units by, like with like: 行政区划 (the district or county), 归口处室 (the
/// bureau's division in charge) and 单位类型 (行政单位, 事业单位, …). Empty where the bureau has not said.
public struct OrganisationAttributes: Sendable, Hashable {
    public var region: String
    public var group: String
    public var category: String

    public init(region: String = "", group: String = "", category: String = "") {
        self.region = region
        self.group = group
        self.category = category
    }
}
