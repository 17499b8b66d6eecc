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
    /// The uploaded archive, when the year came with its evidence.
    @OptionalField(key: "archive") var archive: Data?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// Uploads waiting for confirmation: kept for an hour, only for the person who uploaded them.
public struct PendingImports: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// How long an upload waits.
    public static let lifetime: TimeInterval = 3600

    /// Keeps `year` (read from `file`, with the `archive` it came in when it carries evidence) for `username` to
    /// confirm; returns the token that confirms it. Uploads older than ``lifetime`` go.
    public func keep(_ year: DepartmentYear, archive: Data? = nil, file: String, username: String) async throws -> UUID {
        try await PendingImportModel.query(on: database).filter(\.$createdAt < Date() - Self.lifetime).delete()
        let row = PendingImportModel()
        row.username = username
        row.code = year.department.code
        row.year = year.year
        row.file = file
        row.bundle = archive == nil ? BundleWriter.encode(year).serialized() : ""
        row.archive = archive
        row.createdAt = Date()
        try await row.create(on: database)
        return try row.requireID()
    }

    /// An upload waiting: the year, its evidence when it came in an archive, the file's name.
    public struct Upload: Sendable {
        public var year: DepartmentYear
        public var evidence: [BundleArchive.File]?
        public var file: String
    }

    /// Takes (and drops) the upload `token` of `username`, read again through the bundle reader; nil when there is
    /// none, it is another person's, or it expired.
    public func take(_ token: UUID, username: String) async throws -> Upload? {
        guard let row = try await PendingImportModel.find(token, on: database), row.username == username else {
            return nil
        }
        try await row.delete(on: database)
        guard row.createdAt > Date() - Self.lifetime else { return nil }
        if let archive = row.archive {
            let (year, evidence) = try BundleArchive.read(archive, file: row.file)
            return Upload(year: year, evidence: evidence, file: row.file)
        }
        return Upload(year: try BundleReader().decode(Data(row.bundle.utf8), file: row.file), evidence: nil,
                      file: row.file)
    }
}
