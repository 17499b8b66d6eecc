import Crypto
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
@testable import JixiaoStore

/// The audit trail as someone with write access to the database would attack it: cut its end, empty it, rewrite it,
/// forge its anchors, roll the store back — each must be found by ``AuditLog/verify(on:)`` (or, for a rollback, by
/// the exported checkpoints).
extension DatabaseTests {
@Suite struct AuditTrailTests {
    /// A store with the seed users and years and `extra` more entries.
    static func trail(_ app: Application, extra: Int = 0) async throws {
        try await TestStore.seed(app)
        for index in 0..<extra {
            try await AuditLog.append(on: app.db, actor: "test", action: "test.event", subject: "s\(index)")
        }
    }

    static func sql(_ app: Application) throws -> any SQLDatabase { try #require(app.db as? any SQLDatabase) }

    static func expectBroken(_ app: Application, _ what: Comment) async {
        await #expect(throws: AuditLog.Break.self, what) { try await AuditLog.verify(on: app.db) }
    }

    @Test func cuttingTheEndIsFound() async throws {
        try await TestStore.withApp { app in
            try await Self.trail(app, extra: 5)
            let last = try await AuditEntryModel.query(on: app.db).count()
            try await Self.sql(app).delete(from: AuditEntryModel.schema).where("sequence", .greaterThan, SQLBind(last - 2))
                .run()
            await Self.expectBroken(app, "the last two entries removed")
        }
    }

    @Test func emptyingTheTrailIsFoundEvenWithItsHead() async throws {
        try await TestStore.withApp { app in
            try await Self.trail(app)
            try await Self.sql(app).delete(from: AuditEntryModel.schema).run()
            await Self.expectBroken(app, "every entry removed")
            try await Self.sql(app).delete(from: AuditAnchorModel.schema).run()
            // Starting again does not quietly make a new head for a store that holds data.
            try await Store.migrate(app)
            await Self.expectBroken(app, "every entry and every anchor removed")
        }
    }

    @Test func aChainRewrittenWithoutTheKeyIsFound() async throws {
        try await TestStore.withApp { app in
            try await Self.trail(app, extra: 3)
            let entries = try await AuditEntryModel.query(on: app.db).sort(\.$sequence).all()
            // Rewrite every entry consistently — as plain SHA-256 (the old scheme), then with a key of one's own.
            for forge in [{ (entry: AuditEntryModel) in entry.scheme = 1; return AuditLog.legacyHash(of: entry) },
                          { (entry: AuditEntryModel) in
                              entry.scheme = 2
                              return AuditLog.hash(of: entry, key: try! AuditKey(secret: String(repeating: "m", count: 40)))
                          }] {
                var previous = AuditLog.genesis
                for entry in entries {
                    entry.actor = entry.actor == "test" ? "mallory" : entry.actor
                    entry.previousHash = previous
                    entry.hash = forge(entry)
                    try await entry.save(on: app.db)
                    previous = entry.hash
                }
                await Self.expectBroken(app, "the chain rewritten")
            }
        }
    }

    @Test func forgedAnchorsAreFound() async throws {
        try await TestStore.withApp { app in
            try await Self.trail(app, extra: AuditLog.checkpointInterval)
            #expect(try await AuditAnchorModel.query(on: app.db).filter(\.$kind == "checkpoint").count() == 1)
            try await AuditLog.verify(on: app.db)
            let checkpoint = try #require(try await AuditAnchorModel.query(on: app.db).filter(\.$kind == "checkpoint").first())
            checkpoint.mac = String(repeating: "0", count: 64)
            try await checkpoint.save(on: app.db)
            await Self.expectBroken(app, "a checkpoint's mac changed")
            try await checkpoint.delete(on: app.db)
            try await AuditLog.verify(on: app.db)
            // Removing the head with the tail: the shorter trail has no head that fits it.
            let head = try #require(try await AuditAnchorModel.query(on: app.db).filter(\.$kind == "head").first())
            head.sequence -= 1
            try await head.save(on: app.db)
            await Self.expectBroken(app, "the head moved back")
        }
    }

    @Test func aRolledBackStoreIsFoundByTheExportedCheckpoints() async throws {
        try await TestStore.withApp { app in
            try await Self.trail(app, extra: 2)
            let key = try AuditKey.required()
            let kept = try await AuditEntryModel.query(on: app.db).sort(\.$sequence, .descending).first()!
            for index in 0..<3 {
                try await AuditLog.append(on: app.db, actor: "test", action: "later.event", subject: "l\(index)")
            }
            let entries = try await AuditExport.entries(after: 0, on: app.db)
            let export = entries.map(AuditExport.line).joined(separator: "\n") + "\n"
                + (try AuditExport.checkpointLine(sequence: entries.last!.sequence, hash: entries.last!.hash))
            #expect(AuditExport.lastExported(in: export) == entries.last!.sequence)
            #expect(try await AuditExport.verify(against: export, on: app.db) == 1)
            // Restore an older copy of the store: consistent in itself, so only the export can tell.
            try await Self.sql(app).delete(from: AuditEntryModel.schema)
                .where("sequence", .greaterThan, SQLBind(kept.sequence)).run()
            try await AuditAnchor.set(.head, sequence: kept.sequence, hash: kept.hash, key: key, on: app.db)
            try await AuditLog.verify(on: app.db)
            await #expect(throws: AuditExport.Mismatch.self) { try await AuditExport.verify(against: export, on: app.db) }
        }
    }

    @Test func pruningKeepsTheRestVerifiableAndAForgedBaseIsFound() async throws {
        try await TestStore.withApp { app in
            try await Self.trail(app, extra: 4)
            let before = try await AuditEntryModel.query(on: app.db).count()
            let removed = try await AuditExport.prune(olderThan: 180 * 86_400, actor: "test", on: app.db,
                                                      now: Date().addingTimeInterval(181 * 86_400))
            #expect(removed == before)
            #expect(try await AuditLog.verify(on: app.db) == 1)
            let none = try await AuditExport.prune(olderThan: 180 * 86_400, actor: "test", on: app.db)
            #expect(none == 0)
            let base = try #require(try await AuditAnchorModel.query(on: app.db).filter(\.$kind == "base").first())
            base.sequence -= 1
            try await base.save(on: app.db)
            await Self.expectBroken(app, "the base moved")
        }
    }

    @Test func aTrailFromBeforeTheKeyIsSealedAndStillGuarded() async throws {
        try await TestStore.withApp { app in
            try await Self.trail(app)
            // As the landed schema wrote it: scheme 1, no anchors.
            try await Self.sql(app).delete(from: AuditAnchorModel.schema).run()
            var previous = AuditLog.genesis
            for entry in try await AuditEntryModel.query(on: app.db).sort(\.$sequence).all() {
                entry.scheme = 1
                entry.role = ""
                entry.source = ""
                entry.previousHash = previous
                entry.hash = AuditLog.legacyHash(of: entry)
                try await entry.save(on: app.db)
                previous = entry.hash
            }
            try await Store.migrate(app)
            try await AuditLog.verify(on: app.db)
            try await AuditLog.append(on: app.db, actor: "test", action: "after.upgrade", subject: "s")
            try await AuditLog.verify(on: app.db)
            let second = try #require(try await AuditEntryModel.query(on: app.db).filter(\.$sequence == 2).first())
            second.subject = "changed"
            second.hash = AuditLog.legacyHash(of: second)
            try await second.save(on: app.db)
            await Self.expectBroken(app, "an old entry changed after sealing")
        }
    }

    /// Sign-ins, refusals, reads and downloads append outside any change transaction, many at once: each append is
    /// its own serialised transaction, so none fails and none takes another's sequence number.
    @Test func sixtyFourStandaloneAppendsAtOnce() async throws {
        try await TestStore.withApp { app in
            try await Self.trail(app)
            let before = try await AuditLog.verify(on: app.db)
            let failures = await withTaskGroup(of: String?.self) { group in
                for index in 0..<64 {
                    group.addTask {
                        do {
                            try await AuditLog.append(on: app.db, actor: AuditActor(name: "reader\(index)", role: "reviewer",
                                                                                    source: "198.51.100.\(index)"),
                                                      action: "year.read", subject: "440112-KX/2022")
                            return nil
                        } catch {
                            return String(reflecting: error)
                        }
                    }
                }
                var failures: [String] = []
                for await failure in group { if let failure { failures.append(failure) } }
                return failures
            }
            #expect(failures.isEmpty, "\(failures.prefix(3))")
            #expect(try await AuditLog.verify(on: app.db) == before + 64)
        }
    }
}
}
