import Fluent
import SQLKit
import Vapor

/// Sessions in the database that are written back only when a request changed them. Vapor's session middleware
/// saves the session after every request that read it; a page view would then be a database write, which on SQLite
/// takes the store's one write lock. The "last seen" time is moved at most once a minute
/// (``SessionKeys/seenResolution``), so most requests leave the session as they read it and write nothing.
struct UnchangedSessions: SessionDriver {
    let stored: any SessionDriver

    /// The session's data as read at the start of the request.
    private struct AsRead: StorageKey {
        typealias Value = [String: String]
    }

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        stored.createSession(data, for: request)
    }

    /// Read by key in SQL: through Fluent's model, reflecting on its fields cost more than the query on every page.
    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        (request.db as! any SQLDatabase).select().column("data").from(SessionRecord.schema)
            .where("key", .equal, SQLBind(sessionID.string)).first().flatMapThrowing { row in
                let data = try row?.decode(column: "data", as: SessionData.self)
                request.storage[AsRead.self] = data?.snapshot
                return data
            }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        if let read = request.storage[AsRead.self], read == data.snapshot {
            return request.eventLoop.makeSucceededFuture(sessionID)
        }
        return stored.updateSession(sessionID, to: data, for: request)
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        stored.deleteSession(sessionID, for: request)
    }
}
