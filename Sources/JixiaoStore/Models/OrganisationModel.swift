import Fluent
import Foundation

/// A budget unit (department) or the finance bureau above it.
public final class OrganisationModel: Model, @unchecked Sendable {
    public static let schema = "organisations"

    @ID(key: .id) public var id: UUID?
    /// The unit's code, unique (统一社会信用代码 or the budget system's code).
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    /// `bureau` or `department`.
    @Field(key: "kind") public var kind: String
    @OptionalParent(key: "parent_id") public var parent: OrganisationModel?
    /// 行政区划, 归口处室 and 单位类型 as the bureau's 单位名录 gives them ("" until it does).
    @Field(key: "region") public var region: String
    @Field(key: "group_name") public var group: String
    @Field(key: "category") public var category: String

    public init() {}

    public init(code: String, name: String, kind: String, parentID: UUID? = nil) {
        self.code = code
        self.name = name
        self.kind = kind
        self.$parent.id = parentID
        region = ""
        group = ""
        category = ""
    }
}
