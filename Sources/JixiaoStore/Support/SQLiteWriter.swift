import SQLKit

/// How an SQLite connection is set before it writes (the settings are the connection's, so each writing transaction
/// sets them on whichever pooled connection it got): it waits up to 10 s for another writer instead of failing with
/// "database is locked", and keeps a page cache of 32 MiB, so that the indexes of a large year stay in memory while
/// it loads.
enum SQLiteWriter {
    static func prepare(_ sql: any SQLDatabase) async throws {
        try await sql.raw("PRAGMA busy_timeout = 10000").run()
        try await sql.raw("PRAGMA cache_size = -32768").run()
    }

    /// ``prepare(_:)``, and — on a connection not yet in a transaction, where SQLite allows it — temporary files in
    /// memory: above all the statement journal, to which every statement of a longer transaction copies the pages
    /// it changes (on disk, a seventh of a bulk load's time). Inside a transaction the setting stays as it was.
    static func begin(_ sql: any SQLDatabase) async throws {
        try await prepare(sql)
        try? await sql.raw("PRAGMA temp_store = MEMORY").run()
    }
}
