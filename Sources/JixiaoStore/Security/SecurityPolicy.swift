import Fluent
import Foundation

/// The security policy the 安全管理员 sets: passwords, sessions, second factor, sign-in throttling and audit
/// retention. Every setting is a whole number with a documented range and default (docs/security.md).
public struct SecurityPolicy: Sendable, Equatable {
    /// One setting: its key in the store, its Chinese label and unit, its allowed range and default.
    public struct Setting: Sendable {
        public let key: String
        public let label: String
        public let unit: String
        public let range: ClosedRange<Int>
        public let defaultValue: Int
    }

    public static let settings: [Setting] = [
        Setting(key: "password.minLength", label: "密码最短长度", unit: "个字符", range: 8...128, defaultValue: 12),
        Setting(key: "password.minClasses", label: "密码至少包含的字符类别（大写、小写、数字、符号）", unit: "类",
                range: 1...4, defaultValue: 3),
        Setting(key: "password.history", label: "不得与最近几次密码相同", unit: "次", range: 0...24, defaultValue: 5),
        Setting(key: "password.maxAgeDays", label: "密码有效期（0 为不过期）", unit: "天", range: 0...365, defaultValue: 90),
        Setting(key: "session.idleMinutes", label: "无操作自动退出", unit: "分钟", range: 5...240, defaultValue: 30),
        Setting(key: "session.lifetimeHours", label: "登录最长有效", unit: "小时", range: 1...24, defaultValue: 8),
        Setting(key: "secondFactor.required", label: "财政局审核人和管理员必须使用动态口令（1 是，0 否）", unit: "",
                range: 0...1, defaultValue: 0),
        Setting(key: "signIn.freeFailures", label: "同一来源或账号不受限的失败次数", unit: "次", range: 3...20,
                defaultValue: 5),
        Setting(key: "signIn.windowMinutes", label: "失败次数的统计时段", unit: "分钟", range: 15...1440,
                defaultValue: 60),
        Setting(key: "signIn.maxDelaySeconds", label: "失败后最长等待", unit: "秒", range: 60...3600, defaultValue: 900),
        Setting(key: "signIn.accountSources", label: "账号受限前须有失败的不同来源数", unit: "个", range: 2...100,
                defaultValue: 3),
        Setting(key: "audit.retentionDays", label: "审计日志至少保存", unit: "天", range: 180...3650, defaultValue: 180),
    ]

    private var values: [String: Int]

    /// The defaults.
    public init() {
        values = Dictionary(uniqueKeysWithValues: Self.settings.map { ($0.key, $0.defaultValue) })
    }

    /// The value of the setting `key` (its default when not set).
    public subscript(key: String) -> Int { values[key] ?? 0 }

    /// A setting outside its range, or one that does not exist.
    public struct Invalid: Error, CustomStringConvertible, Equatable {
        public let key: String
        public let message: String
        public var description: String { "\(key): \(message)" }
    }

    /// Sets `key` to `value` when it is a setting and the value is in its range.
    public mutating func set(_ key: String, to value: Int) throws(Invalid) {
        guard let setting = Self.settings.first(where: { $0.key == key }) else {
            throw Invalid(key: key, message: "没有这项设置")
        }
        guard setting.range.contains(value) else {
            throw Invalid(key: key, message: "\(setting.label)须在 \(setting.range.lowerBound)–\(setting.range.upperBound) 之间")
        }
        values[key] = value
    }

    public var passwordMinLength: Int { self["password.minLength"] }
    public var passwordMinClasses: Int { self["password.minClasses"] }
    public var passwordHistory: Int { self["password.history"] }
    public var passwordMaxAge: TimeInterval? {
        self["password.maxAgeDays"] == 0 ? nil : TimeInterval(self["password.maxAgeDays"]) * 86_400
    }
    public var idleTimeout: TimeInterval { TimeInterval(self["session.idleMinutes"]) * 60 }
    public var sessionLifetime: TimeInterval { TimeInterval(self["session.lifetimeHours"]) * 3600 }
    public var secondFactorRequired: Bool { self["secondFactor.required"] == 1 }
    public var freeFailures: Int { self["signIn.freeFailures"] }
    public var failureWindow: TimeInterval { TimeInterval(self["signIn.windowMinutes"]) * 60 }
    public var maxDelay: Int { self["signIn.maxDelaySeconds"] }
    public var accountSources: Int { self["signIn.accountSources"] }
    public var auditRetention: TimeInterval { TimeInterval(self["audit.retentionDays"]) * 86_400 }

    /// What is wrong with `password` for the account `username` under this policy, in words for the person
    /// choosing it; empty when it is acceptable. (Reuse of earlier passwords is checked against their hashes by
    /// ``UserRepository``.)
    public func problems(password: String, username: String) -> [String] {
        var problems: [String] = []
        if password.count < passwordMinLength { problems.append("密码至少需要 \(passwordMinLength) 个字符") }
        let classes = [
            password.contains(where: \.isLowercase), password.contains(where: \.isUppercase),
            password.contains(where: \.isNumber),
            password.contains(where: { !$0.isLetter && !$0.isNumber }),
        ].filter { $0 }.count
        if classes < passwordMinClasses {
            problems.append("密码须包含大写字母、小写字母、数字、符号中的至少 \(passwordMinClasses) 类")
        }
        let lowered = password.lowercased()
        if !username.isEmpty, lowered.contains(username.lowercased()) { problems.append("密码不能包含用户名") }
        if Set(password).count <= 2 { problems.append("密码不能由同一两个字符重复组成") }
        return problems
    }
}

extension SecurityPolicy {
    /// A password made for someone (a new account, a reset, the demo) that meets this policy: at least 20
    /// characters with every class, unambiguous to read aloud.
    public func generatedPassword() -> String {
        let classes = [Array("ABCDEFGHJKLMNPQRSTUVWXYZ"), Array("abcdefghijkmnopqrstuvwxyz"), Array("23456789"),
                       Array("-_.!@#%+=")]
        var characters = classes.map { $0.randomElement()! }
        let all = classes.flatMap { $0 }
        while characters.count < max(20, passwordMinLength) { characters.append(all.randomElement()!) }
        return String(characters.shuffled())
    }
}

/// The security policy as stored: the defaults with the settings an administrator changed.
public struct SettingsRepository: Sendable {
    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// The policy in force.
    public func policy() async throws -> SecurityPolicy {
        var policy = SecurityPolicy()
        for row in try await SettingModel.query(on: database).all() {
            try? policy.set(row.id ?? "", to: row.value)
        }
        return policy
    }

    /// Changes settings (all or none: every invalid one is reported) and audits the change.
    public func change(_ changes: [String: Int], actor: AuditActor) async throws {
        let before = try await policy()
        var after = before
        var invalid: [SecurityPolicy.Invalid] = []
        for (key, value) in changes.sorted(by: { $0.key < $1.key }) {
            do { try after.set(key, to: value) } catch { invalid.append(error) }
        }
        guard invalid.isEmpty else { throw PolicyErrors(errors: invalid) }
        let changed = SecurityPolicy.settings.map(\.key).filter { before[$0] != after[$0] }
        guard !changed.isEmpty else { return }
        let final = after
        try await database.transaction { database in
            for key in changed {
                try await SettingModel.query(on: database).filter(\.$id == key).delete()
                try await SettingModel(key: key, value: final[key]).create(on: database)
            }
            try await AuditLog.append(on: database, actor: actor, action: "policy.change", subject: "security",
                                      before: changed.map { "\($0)=\(before[$0])" }.joined(separator: " "),
                                      after: changed.map { "\($0)=\(final[$0])" }.joined(separator: " "))
        }
    }

    /// Every invalid setting of a change.
    public struct PolicyErrors: Error, CustomStringConvertible {
        public let errors: [SecurityPolicy.Invalid]
        public var description: String { errors.map(\.description).joined(separator: "; ") }
    }
}
