import Fluent
import Foundation
import SQLKit

/// Online backups of an SQLite store: `VACUUM INTO` writes a consistent copy while the application keeps serving
/// (SQLite reads one snapshot for it). PostgreSQL stores are backed up with `pg_dump` (docs/operations.md).
public enum Backup {
    public enum BackupError: Error, CustomStringConvertible, Equatable {
        case notSQLite
        case exists(String)

        public var description: String {
            switch self {
            case .notSQLite: "the store is PostgreSQL: back it up with pg_dump (see docs/operations.md)"
            case .exists(let path): "\(path) already exists; choose a new file"
            }
        }
    }

    /// Writes a copy of the SQLite store to `path`, which must not exist yet.
    public static func sqlite(on database: any Database, to path: String) async throws {
        guard database.dialect == "sqlite" else { throw BackupError.notSQLite }
        guard !FileManager.default.fileExists(atPath: path) else { throw BackupError.exists(path) }
        try await (database as! any SQLDatabase).raw("VACUUM INTO \(bind: path)").run()
    }
}

extension Database {
    /// The SQL dialect's name: `sqlite` or `postgresql`.
    var dialect: String { (self as? any SQLDatabase)?.dialect.name ?? "" }
}
