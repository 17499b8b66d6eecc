import Foundation

/// A person who signs in, as the store holds them, without their secrets: the password's hash, the second factor's
/// secret and the recovery codes stay in the store, which checks them (``UserRepository``).
public struct StoredUser: Sendable, Equatable {
    public let id: UUID
    public let username: String
    public let displayName: String
    /// A ``Role`` raw value.
    public let role: String
    /// The department of a departmental role.
    public let organisationCode: String?
    /// A disabled account cannot sign in; its sessions end at their next request.
    public let disabled: Bool
    /// The password was made by someone else (a new account, a reset): it must be changed at sign-in.
    public let mustChangePassword: Bool
    public let passwordChangedAt: Date?
    /// Whether a second factor (TOTP) is enrolled.
    public let hasSecondFactor: Bool

    /// The user of a row read with its organisation, or of a new row whose organisation's code is given.
    init(_ model: UserModel, organisationCode: String? = nil) throws {
        id = try model.requireID()
        username = model.username
        displayName = model.displayName
        role = model.role
        self.organisationCode = organisationCode ?? model.$organisation.value??.code
        disabled = model.disabled
        mustChangePassword = model.mustChangePassword
        passwordChangedAt = model.passwordChangedAt
        hasSecondFactor = model.totpSecret != nil
    }
}
