import Foundation
import JixiaoTestSupport
import SQLKit
import Testing
import VaporTesting

extension DatabaseTests {
    /// A request that leaves the session as it found it writes nothing to the store (on SQLite a write would take the
    /// store's one write lock for every page view); one that changes it is saved.
    @Suite struct SessionWriteTests {
        @Test func pagesThatLeaveTheSessionAloneDoNotWriteIt() async throws {
            try await TestStore.withApp { app in
                try await TestStore.seed(app)
                var preparer = Browser()
                try await preparer.signIn(app, username: "preparer")
                let sql = app.db as! any SQLDatabase
                try await Self.countSessionWrites(sql)
                // The first page after signing in gives the session its form token: one write.
                try await preparer.get(app, "/") { #expect($0.status == .ok) }
                #expect(try await Self.writes(sql) == 1)

                for page in ["/", "/years/440112-KX/2022", "/years/440112-KX/2022/evaluation", "/api/v1/session"] {
                    try await preparer.get(app, page) { #expect($0.status == .ok) }
                }
                #expect(try await Self.writes(sql) == 1)

                // The enrolment page keeps the secret it shows in the session: saved once, then shown again.
                try await preparer.get(app, "/account/second-factor") { #expect($0.status == .ok) }
                #expect(try await Self.writes(sql) == 2)
                try await preparer.get(app, "/account/second-factor") { #expect($0.status == .ok) }
                #expect(try await Self.writes(sql) == 2)
                try await sql.raw("DROP TABLE session_writes").run()
            }
        }

        /// A trigger that counts the updates of stored sessions, on SQLite or PostgreSQL (the table goes with the
        /// test; the trigger with the sessions table, which each test's store makes afresh).
        static func countSessionWrites(_ sql: any SQLDatabase) async throws {
            try await sql.raw("DROP TABLE IF EXISTS session_writes").run()
            try await sql.raw("CREATE TABLE session_writes (n INTEGER)").run()
            if sql.dialect.name == "sqlite" {
                try await sql.raw("""
                    CREATE TRIGGER count_session_writes AFTER UPDATE ON _fluent_sessions \
                    BEGIN INSERT INTO session_writes VALUES (1); END
                    """).run()
            } else {
                try await sql.raw("""
                    CREATE OR REPLACE FUNCTION count_session_write() RETURNS trigger AS $$ \
                    BEGIN INSERT INTO session_writes VALUES (1); RETURN NEW; END $$ LANGUAGE plpgsql
                    """).run()
                try await sql.raw("""
                    CREATE TRIGGER count_session_writes AFTER UPDATE ON _fluent_sessions \
                    FOR EACH ROW EXECUTE FUNCTION count_session_write()
                    """).run()
            }
        }

        static func writes(_ sql: any SQLDatabase) async throws -> Int {
            try await sql.raw("SELECT COUNT(*) AS n FROM session_writes").first()?.decode(column: "n", as: Int.self) ?? -1
        }
    }
}
