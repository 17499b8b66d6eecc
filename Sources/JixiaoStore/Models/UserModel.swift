import Fluent
import Foundation

/// A person who signs in, with a role and (for department roles) the organisation they belong to.
final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    /// bcrypt hash of the password.
    @Field(key: "password_hash") var passwordHash: String
    /// A ``Role`` raw value.
    @Field(key: "role") var role: String
    @OptionalParent(key: "organisation_id") var organisation: OrganisationModel?
    /// A disabled account cannot sign in; its sessions end at their next request.
    @Field(key: "disabled") var disabled: Bool
    /// Set when the password was made by someone else (a new account, a reset): it must be changed at sign-in.
    @Field(key: "must_change_password") var mustChangePassword: Bool
    @OptionalField(key: "password_changed_at") var passwordChangedAt: Date?
    /// bcrypt hashes of the previous passwords, newest first, separated by newlines.
    @Field(key: "password_history") var passwordHistory: String
    /// The TOTP secret (base32) once the second factor is enrolled.
    @OptionalField(key: "totp_secret") var totpSecret: String?
    /// The last TOTP time step accepted, so a code is never accepted twice.
    @Field(key: "totp_last_step") var totpLastStep: Int
    /// SHA-256 hashes of the unused recovery codes, separated by newlines.
    @Field(key: "recovery_codes") var recoveryCodes: String

    init() {}

    init(username: String, displayName: String, passwordHash: String, role: Role, organisationID: UUID?) {
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
