import Fluent
import Foundation

/// A budget unit (department) or the finance bureau above it.
final class OrganisationModel: Model, @unchecked Sendable {
    static let schema = "organisations"

    @ID(key: .id) var id: UUID?
    /// The unit's code, unique (统一社会信用代码 or the budget system's code).
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    /// `bureau` or `department`.
    @Field(key: "kind") var kind: String
    @OptionalParent(key: "parent_id") var parent: OrganisationModel?
    /// 行政区划, 归口处室 and 单位类型 as the bureau's 单位名录 gives them ("" until it does).
    @Field(key: "region") var region: String
    @Field(key: "group_name") var group: String
    @Field(key: "category") var category: String

    init() {}

    init(code: String, name: String, kind: String, parentID: UUID? = nil) {
        self.code = code
        self.name = name
        self.kind = kind
        self.$parent.id = parentID
        region = ""
        group = ""
        category = ""
    }
}
