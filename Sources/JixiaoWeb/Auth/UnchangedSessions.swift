import JixiaoStore
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

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        let promise = request.eventLoop.makePromise(of: SessionData?.self)
        promise.completeWithTask {
            let data = try await SessionRows.data(of: sessionID, on: request.db)
            request.storage[AsRead.self] = data?.snapshot
            return data
        }
        return promise.futureResult
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
