import Fluent
import SQLKit
import Vapor

/// The web sessions' table, read by key in SQL: through Fluent's model, reflecting on its fields cost more than the
/// query on every page.
public enum SessionRows {
    /// The data of the session `id`, or nil when there is none.
    public static func data(of id: SessionID, on database: StoreDatabase) async throws -> SessionData? {
        try await (database as! any SQLDatabase).select().column("data").from(SessionRecord.schema)
            .where("key", .equal, SQLBind(id.string)).first()?.decode(column: "data", as: SessionData.self)
    }
}
