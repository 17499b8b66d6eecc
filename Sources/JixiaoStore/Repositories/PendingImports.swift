import Fluent
import Foundation
import JixiaoCore
import JixiaoIO

/// An upload of a stored year waiting for its uploader to confirm the replacement after seeing what it changes.
final class PendingImportModel: Model, @unchecked Sendable {
    static let schema = "pending_imports"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "code") var code: String
    @Field(key: "year") var year: Int
    /// The uploaded file's name, for the audit trail.
    @Field(key: "file") var file: String
    @Field(key: "bundle") var bundle: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// Uploads waiting for confirmation: kept for an hour, only for the person who uploaded them.
public struct PendingImports: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// How long an upload waits.
    public static let lifetime: TimeInterval = 3600

    /// Keeps `year` (read from `file`) for `username` to confirm; returns the token that confirms it. Uploads older
    /// than ``lifetime`` go.
    public func keep(_ year: DepartmentYear, file: String, username: String) async throws -> UUID {
        try await PendingImportModel.query(on: database).filter(\.$createdAt < Date() - Self.lifetime).delete()
        let row = PendingImportModel()
        row.username = username
        row.code = year.department.code
        row.year = year.year
        row.file = file
        row.bundle = BundleWriter.encode(year).serialized()
        row.createdAt = Date()
        try await row.create(on: database)
        return try row.requireID()
    }

    /// Takes (and drops) the upload `token` of `username`, read again through the bundle reader; nil when there is
    /// none, it is another person's, or it expired.
    public func take(_ token: UUID, username: String) async throws -> (year: DepartmentYear, file: String)? {
        guard let row = try await PendingImportModel.find(token, on: database), row.username == username else {
            return nil
        }
        try await row.delete(on: database)
        guard row.createdAt > Date() - Self.lifetime else { return nil }
        return (try BundleReader().decode(Data(row.bundle.utf8), file: row.file), row.file)
    }
}
