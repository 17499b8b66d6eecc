import ArgumentParser
import JixiaoStore

/// `jixiao audit verify`: checks the audit trail's hash chain.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the audit trail.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify that no audit entry was changed or removed.",
            discussion: "Exits 0 when the chain is whole, 1 when it is broken (naming the first broken entry).")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            do {
                let count = try await store.withStore { try await AuditLog.verify(on: $0) }
                Terminal.output("审计日志完整：共 \(count) 条记录，哈希链校验通过。")
            } catch let broken as AuditLog.Break {
                Terminal.error("审计日志被改动：\(broken)")
                throw ExitCode(ExitCodes.findings)
            }
        }
    }
}
