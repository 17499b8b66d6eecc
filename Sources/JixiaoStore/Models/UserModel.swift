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
    /// A disabled account cannot sign in; its sessions end at their next request.
    @Field(key: "disabled") public var disabled: Bool
    /// Set when the password was made by someone else (a new account, a reset): it must be changed at sign-in.
    @Field(key: "must_change_password") public var mustChangePassword: Bool
    @OptionalField(key: "password_changed_at") public var passwordChangedAt: Date?
    /// bcrypt hashes of the previous passwords, newest first, separated by newlines.
    @Field(key: "password_history") public var passwordHistory: String
    /// The TOTP secret (base32) once the second factor is enrolled.
    @OptionalField(key: "totp_secret") public var totpSecret: String?
    /// The last TOTP time step accepted, so a code is never accepted twice.
    @Field(key: "totp_last_step") public var totpLastStep: Int
    /// SHA-256 hashes of the unused recovery codes, separated by newlines.
    @Field(key: "recovery_codes") public var recoveryCodes: String

    public init() {}

    public init(username: String, displayName: String, passwordHash: String, role: Role, organisationID: UUID?) {
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role.rawValue
        self.$organisation.id = organisationID
        self.disabled = false
        self.mustChangePassword = false
        self.passwordHistory = ""
        self.totpLastStep = 0
        self.recoveryCodes = ""
    }
}

/// What a person may do. The three administrators divide the system's administration (三员分立): none of them
/// reads or changes a department's data.
public enum Role: String, Sendable, CaseIterable, Codable {
    /// 填报人: enters and changes their department's data.
    case preparer
    /// 部门负责人: reviews and approves their department's submission; may change its data.
    case head
    /// 财政局审核人: sees every department, returns or approves.
    case reviewer
    /// 审计人员: reads every department's data and the audit trail, changes nothing.
    case auditor
    /// 系统管理员: accounts.
    case admin
    /// 安全管理员: the security policy.
    case securityAdmin = "security-admin"
    /// 审计管理员: reads and exports the audit trail.
    case auditAdmin = "audit-admin"

    public var chinese: String {
        switch self {
        case .preparer: "填报人"
        case .head: "部门负责人"
        case .reviewer: "财政局审核人"
        case .auditor: "审计人员"
        case .admin: "系统管理员"
        case .securityAdmin: "安全管理员"
        case .auditAdmin: "审计管理员"
        }
    }

    /// Whether the role is tied to one department.
    public var isDepartmental: Bool { self == .preparer || self == .head }

    /// Whether the role is one of the three administrators, who see no department's data.
    public var isAdministrator: Bool { self == .admin || self == .securityAdmin || self == .auditAdmin }

    /// Whether the role reads the audit trail.
    public var readsAuditTrail: Bool { self == .auditor || self == .auditAdmin }

    /// Whether the policy may require a second factor of this role: the bureau's reviewers and the administrators.
    public var isPrivileged: Bool { self == .reviewer || isAdministrator }
}
