import Foundation

/// A budget unit (department) or the finance bureau above it, as the store holds it.
public struct StoredOrganisation: Sendable, Equatable {
    public let id: UUID
    /// The unit's code, unique (统一社会信用代码 or the budget system's code).
    public let code: String
    public let name: String
    /// 行政区划, 归口处室 and 单位类型 as the bureau's 单位名录 gives them ("" until it does).
    public let region: String
    public let group: String
    public let category: String

    public init(id: UUID, code: String, name: String, region: String = "", group: String = "", category: String = "") {
        self.id = id
        self.code = code
        self.name = name
        self.region = region
        self.group = group
        self.category = category
    }

    init(_ model: OrganisationModel) throws {
        self.init(id: try model.requireID(), code: model.code, name: model.name, region: model.region,
                  group: model.group, category: model.category)
    }
}
