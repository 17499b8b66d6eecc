import Foundation
import JixiaoTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The account and audit commands on an SQLite store, run as an operator would: the password policy, disabling and
/// removing accounts, and the audit trail verified, exported (to a file and to syslog), tampered with and rolled back.
@Suite struct SecurityCLITests {
    let directory: URL
    let database: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-security-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = directory.appendingPathComponent("store.sqlite").path
    }

    func jixiao(_ arguments: [String], input: String? = nil) throws -> Command {
        try Command.run(CLITests.binary.path, arguments + ["--database", database], input: input)
    }

    @Test func accountsFollowThePolicyAndCanBeDisabledEnabledAndRemoved() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try jixiao(["import", Fixtures.seed.path]).status == 0)
        let weak = try jixiao(["user", "add", "zhang", "--role", "preparer", "--organisation", "440112-KX"],
                              input: "aaaaaaaaaaaa\n")
        #expect(weak.status == 2 && weak.stderr.contains("至少 3 类"))
        let added = try jixiao(["user", "add", "zhang", "--role", "preparer", "--organisation", "440112-KX"],
                               input: "Kexie-2022-start\n")
        #expect(added.status == 0 && added.stdout.contains("首次登录时须修改密码"))
        #expect(try jixiao(["user", "add", "sec", "--role", "security-admin"], input: "Kexie-2022-start\n").status == 0)
        #expect(try jixiao(["user", "disable", "zhang"]).status == 0)
        #expect(try jixiao(["user", "list"]).stdout.contains("已停用"))
        #expect(try jixiao(["user", "enable", "zhang"]).status == 0)
        #expect(!(try jixiao(["user", "list"]).stdout.contains("已停用")))
        #expect(try jixiao(["user", "remove", "zhang"]).status == 0)
        let gone = try jixiao(["user", "remove", "zhang"])
        #expect(gone.status == 2 && gone.stderr.contains("没有用户 zhang"))
        let verified = try jixiao(["audit", "verify"])
        #expect(verified.status == 0 && verified.stdout.contains("审计日志完整"))
    }

    @Test func theTrailIsExportedAndARollbackOrACutIsFound() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try jixiao(["import", Fixtures.seed.path]).status == 0)
        let backup = directory.appendingPathComponent("backup.sqlite").path
        #expect(try jixiao(["backup", backup]).status == 0)
        #expect(try jixiao(["user", "add", "li", "--role", "reviewer"], input: "Kexie-2022-start\n").status == 0)
        let export = directory.appendingPathComponent("audit.jsonl").path
        let first = try jixiao(["audit", "export", "-o", export])
        #expect(first.status == 0 && first.stdout.contains("已导出 2 条"))
        #expect(try jixiao(["audit", "export", "-o", export]).stdout.contains("已导出 0 条"))
        #expect(try jixiao(["audit", "verify", "--against", export]).status == 0)

        // The store put back to the backup: consistent in itself, contradicted by the export.
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        try FileManager.default.copyItem(atPath: backup, toPath: database)
        #expect(try jixiao(["audit", "verify"]).status == 0)
        let rolledBack = try jixiao(["audit", "verify", "--against", export])
        #expect(rolledBack.status == 1 && rolledBack.stderr.contains("rolled back"))

        // The last entry cut out of the database.
        let cut = try Command.run("python3", ["-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1]); db.execute("DELETE FROM audit_entries WHERE sequence = (SELECT MAX(sequence) FROM audit_entries)"); db.commit()
            """, database])
        #expect(cut.status == 0)
        let broken = try jixiao(["audit", "verify"])
        #expect(broken.status == 1 && broken.stderr.contains("entries were removed"))
    }

    @Test func theTrailGoesToSyslog() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try jixiao(["import", Fixtures.seed.path]).status == 0)
        let listener = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0
            }
        }
        #expect(bound)
        let port = UInt16(bigEndian: address.sin_port)
        let sent = try jixiao(["audit", "export", "--syslog", "127.0.0.1:\(port)"])
        #expect(sent.status == 0 && sent.stdout.contains("已发送 1 条"))
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let received = recv(listener, &buffer, buffer.count, Int32(MSG_DONTWAIT))
        let message = String(decoding: buffer.prefix(max(0, received)), as: UTF8.self)
        #expect(message.hasPrefix("<85>1 ") && message.contains("jixiao - audit - ") && message.contains("year.import"))
    }

    @Test func theBureauOpensAYearsReviewCampaign() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try jixiao(["import", Fixtures.seed.path]).status == 0)
        let opened = try jixiao(["review", "open", "--year", "2022", "--targets-due", "2022-03-31",
                                 "--evaluation-due", "2023-04-30"])
        #expect(opened.status == 0 && opened.stdout.contains("涉及 1 个部门"))
        #expect(try jixiao(["review", "open", "--year", "2022", "--targets-due", "31.3.2022",
                            "--evaluation-due", "2023-04-30"]).status == 64)
        #expect(try jixiao(["review", "open", "--year", "2022", "--targets-due", "2022-03-31",
                            "--evaluation-due", "2023-04-30", "--recheck-threshold", "3.5", "--publish-days", "15"])
            .status == 0)
        #expect(try jixiao(["review", "open", "--year", "2022", "--targets-due", "2022-03-31",
                            "--evaluation-due", "2023-04-30", "--recheck-threshold", "五"]).status == 64)
        // Nothing handed in to the bureau yet: nothing to draw, said so.
        let draw = try jixiao(["review", "draw", "--year", "2022", "--count", "2", "--seed", "7"])
        #expect(draw.status != 0 && draw.stderr.contains("没有可抽取的部门"))
        #expect(try jixiao(["review", "draw", "--year", "2022", "--count", "2", "--risk", "loudest"]).status == 64)
        #expect(try jixiao(["audit", "verify"]).status == 0)
    }
}
