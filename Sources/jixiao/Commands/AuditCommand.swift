import ArgumentParser
import Foundation
import JixiaoStore

/// `jixiao audit verify|export|prune`: the audit trail's integrity, its copy off the server, its retention.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check, export and prune the audit trail.",
        subcommands: [Verify.self, Export.self, Prune.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify that no audit entry was changed, inserted or removed.",
            discussion: "Checks every entry's keyed hash and link, the keyed head (entries removed from the end, or "
                + "all of them), the checkpoints and the pruning base; with --against, also every checkpoint of an "
                + "export file (a trail rolled back or replaced). Exits 0 when whole, 1 when broken.")

        @OptionGroup var store: StoreOptions

        @Option(help: "An export file (jixiao audit export) whose checkpoints the trail must still match.",
                completion: .file())
        var against: String?

        func run() async throws {
            let exported = try against.map { try String(contentsOfFile: $0, encoding: .utf8) }
            do {
                let (count, checkpoints) = try await store.withStore { database in
                    let count = try await AuditLog.verify(on: database)
                    var checkpoints: Int?
                    if let exported { checkpoints = try await AuditExport.verify(against: exported, on: database) }
                    return (count, checkpoints)
                }
                Terminal.output("审计日志完整：共 \(count) 条记录，密钥校验通过"
                    + (checkpoints.map { "，与导出文件的 \($0) 个检查点一致" } ?? "") + "。")
            } catch let broken as AuditLog.Break {
                Terminal.error("审计日志被改动：\(broken)")
                throw ExitCode(ExitCodes.findings)
            } catch let mismatch as AuditExport.Mismatch {
                Terminal.error("审计日志与导出文件不一致：\(mismatch)")
                throw ExitCode(ExitCodes.findings)
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Append the entries not yet exported to a file, and/or send them to syslog.",
            discussion: "The file is JSON Lines: one entry a line, then a keyed checkpoint of the head. Run it "
                + "regularly (cron) and keep the file on another machine; `audit verify --against FILE` then finds "
                + "a store that was rolled back. --syslog sends each entry as an RFC 5424 message over UDP.")

        @OptionGroup var store: StoreOptions

        @Option(name: .shortAndLong, help: "The export file (appended to; created when missing).", completion: .file())
        var output: String?

        @Option(help: "A syslog server as HOST:PORT (UDP), e.g. 127.0.0.1:514.")
        var syslog: String?

        @Option(help: "With --syslog only: send the entries after this sequence number.")
        var after: Int = 0

        func validate() throws {
            guard output != nil || syslog != nil else { throw ValidationError("Give --output FILE, --syslog HOST:PORT or both.") }
            if let syslog, SyslogClient.address(syslog) == nil { throw ValidationError("--syslog must be HOST:PORT.") }
        }

        func run() async throws {
            let existing = output.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? ""
            let start = output == nil ? after : AuditExport.lastExported(in: existing)
            let entries = try await store.withStore { try await AuditExport.entries(after: start, on: $0) }
            if let output {
                var text = entries.map { AuditExport.line($0) + "\n" }.joined()
                if let last = entries.last {
                    text += try AuditExport.checkpointLine(sequence: last.sequence, hash: last.hash) + "\n"
                }
                try append(text, to: output)
                Terminal.output("已导出 \(entries.count) 条审计记录到 \(output)（从第 \(start + 1) 条起）。")
            }
            if let syslog, let (host, port) = SyslogClient.address(syslog) {
                let client = try SyslogClient(host: host, port: port)
                for entry in entries { try client.send(AuditExport.line(entry), at: entry.at) }
                Terminal.output("已发送 \(entries.count) 条审计记录到 syslog \(syslog)。")
            }
        }

        private func append(_ text: String, to path: String) throws {
            if !FileManager.default.fileExists(atPath: path) {
                _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
            try handle.synchronize()
        }
    }

    struct Prune: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove audit entries older than the security policy keeps them (at least 180 days).",
            discussion: "Export first: the removed entries survive only in the export. The trail keeps verifying from a "
                + "keyed base at the last removed entry.")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let removed = try await store.withStore { database in
                let retention = try await SettingsRepository(database: database).policy().auditRetention
                return try await AuditExport.prune(olderThan: retention, actor: "cli", on: database)
            }
            Terminal.output("已删除 \(removed) 条超过保存期限的审计记录。")
        }
    }
}
