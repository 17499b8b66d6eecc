import Foundation

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
