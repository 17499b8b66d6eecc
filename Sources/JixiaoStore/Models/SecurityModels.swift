import Fluent
import Foundation

/// One failed sign-in: when, from which address, and the SHA-256 of the name tried (so a password typed into the
/// name field is not kept in clear).
final class SignInFailureModel: Model, @unchecked Sendable {
    static let schema = "sign_in_failures"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @Field(key: "source") var source: String
    @Field(key: "account") var account: String

    init() {}

    init(at: Date, source: String, account: String) {
        self.at = at
        self.source = source
        self.account = account
    }
}

/// A browser a person has signed in from: the SHA-256 of the random token its cookie holds.
final class TrustedDeviceModel: Model, @unchecked Sendable {
    static let schema = "trusted_devices"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// One setting of the security policy.
final class SettingModel: Model, @unchecked Sendable {
    static let schema = "settings"

    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "value") var value: Int

    init() {}

    init(key: String, value: Int) {
        self.id = key
        self.value = value
    }
}
