import Fluent
import Foundation

/// A person who signs in, with a role and (for department roles) the organisation they belong to.
public final class UserModel: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    @Field(key: "username") public var username: String
    @Field(key: "display_name") public var displayName: String
    /// bcrypt hash of the password.
    @Field(key: "password_hash") public var passwordHash: String
    /// A ``Role`` raw value.
    @Field(key: "role") public var role: String
    @OptionalParent(key: "organisation_id") public var organisation: OrganisationModel?
    /// Sign-in failures since the last success.
    @Field(key: "failed_attempts") public var failedAttempts: Int
    @OptionalField(key: "locked_until") public var lockedUntil: Date?

    public init() {}

    public init(username: String, displayName: String, passwordHash: String, role: Role, organisationID: UUID?) {
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role.rawValue
        self.$organisation.id = organisationID
        self.failedAttempts = 0
    }
}

/// What a person may do.
public enum Role: String, Sendable, CaseIterable, Codable {
    /// 填报人: enters and changes their department's data.
    case preparer
    /// 部门负责人: reviews and approves their department's submission; may change its data.
    case head
    /// 财政局审核人: sees every department, returns or approves.
    case reviewer
    /// 审计: reads everything, changes nothing.
    case auditor
    /// 系统管理员.
    case admin

    public var chinese: String {
        switch self {
        case .preparer: "填报人"
        case .head: "部门负责人"
        case .reviewer: "财政局审核人"
        case .auditor: "审计人员"
        case .admin: "系统管理员"
        }
    }

    /// Whether the role is tied to one department.
    public var isDepartmental: Bool { self == .preparer || self == .head }

    /// Whether the role may change data at all.
    public var mayChange: Bool { self != .auditor }
}
