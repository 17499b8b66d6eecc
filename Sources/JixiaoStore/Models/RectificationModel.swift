import Fluent
import Foundation

/// One 整改 item of a department-year.
final class RectificationModel: Model, @unchecked Sendable {
    static let schema = "rectifications"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    /// The year whose finding it came from.
    @Field(key: "year") var year: Int
    /// 1, 2, … within the department-year: how pages and people name it.
    @Field(key: "number") var number: Int
    @Field(key: "finding_code") var findingCode: String
    /// The finding's bundle path, or "" when it names none.
    @Field(key: "subject") var subject: String
    @Field(key: "problem") var problem: String
    @Field(key: "measure") var measure: String
    @Field(key: "owner") var owner: String
    /// `YYYY-MM-DD`.
    @Field(key: "deadline") var deadline: String
    /// A `Rectification.Status` raw value.
    @Field(key: "status") var status: String
    @Field(key: "progress") var progress: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}
