import Crypto
import Fluent
import Foundation
import JixiaoCore
import JixiaoIO

/// A file attached as evidence.
final class EvidenceModel: Model, @unchecked Sendable {
    static let schema = "evidence"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    @Field(key: "year") var year: Int
    /// An ``EvidenceSubject``'s stored key.
    @Field(key: "subject") var subject: String
    @Field(key: "name") var name: String
    /// The media type established from the content.
    @Field(key: "type") var type: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "data") var data: Data
    @Field(key: "uploaded_by") var uploadedBy: String
    @Field(key: "uploaded_at") var uploadedAt: Date

    init() {}
}

/// 佐证材料 of department-years: attached and removed through the year's change path (held once the
/// self-evaluation is handed in), audited with the file's SHA-256, read back exactly as uploaded.
public struct EvidenceRepository: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }


    /// A stored file, without its bytes.
    public struct Entry: Sendable, Equatable {
        public var id: UUID
        /// The subject's stored key (`indicator:i1`, …).
        public var subject: String
        public var name: String
        public var type: String
        public var size: Int
        public var sha256: String
        public var uploadedBy: String
        public var uploadedAt: Date
    }

    /// A file to attach, its type established from its content by the caller.
    public struct File: Sendable, Equatable {
        public var name: String
        public var type: String
        public var data: Data

        public init(name: String, type: String, data: Data) {
            self.name = name
            self.type = type
            self.data = data
        }
    }

    /// Why a file was refused.
    public struct Refusal: Error, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// A department-year's evidence, by subject then upload time.
    public func entries(organisationID: UUID, year: Int) async throws -> [Entry] {
        try await EvidenceModel.query(on: database).filter(\.$organisation.$id == organisationID)
            .filter(\.$year == year)
            .field(\.$id).field(\.$subject).field(\.$name).field(\.$type).field(\.$size).field(\.$sha256)
            .field(\.$uploadedBy).field(\.$uploadedAt)
            .sort(\.$subject).sort(\.$uploadedAt).all().map { row in
                Entry(id: row.id!, subject: row.subject, name: row.name, type: row.type, size: row.size,
                      sha256: row.sha256, uploadedBy: row.uploadedBy, uploadedAt: row.uploadedAt)
            }
    }

    /// A file's entry and bytes, if it belongs to the department-year.
    public func file(_ id: UUID, organisationID: UUID, year: Int) async throws -> (Entry, Data)? {
        guard let row = try await EvidenceModel.find(id, on: database), row.$organisation.id == organisationID,
              row.year == year else { return nil }
        return (Entry(id: id, subject: row.subject, name: row.name, type: row.type, size: row.size, sha256: row.sha256,
                      uploadedBy: row.uploadedBy, uploadedAt: row.uploadedAt), row.data)
    }

    /// Attaches `file` to `subject` of the year; audited as `evidence.add` with the file's SHA-256.
    @discardableResult
    public func add(_ file: File, to subject: EvidenceSubject, organisation: StoredOrganisation,
                    fiscal: StoredYear, actor: AuditActor) async throws -> UUID {
        let organisationID = organisation.id
        let year = fiscal.year
        return try await YearChange.commit(claiming: fiscal.id, kind: .evidence, actor: actor,
                                           on: database) { database in
            let count = try await EvidenceModel.query(on: database).filter(\.$organisation.$id == organisationID)
                .filter(\.$year == year).count()
            guard count < EvidenceKind.maximumFiles else {
                throw Refusal(message: "每个年度最多保存 \(EvidenceKind.maximumFiles) 份佐证材料。")
            }
            let row = EvidenceModel()
            row.$organisation.id = organisationID
            row.year = year
            row.subject = subject.storedKey
            row.name = file.name
            row.type = file.type
            row.size = file.data.count
            row.sha256 = SHA256.hash(data: file.data).hex
            row.data = file.data
            row.uploadedBy = actor.name
            row.uploadedAt = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
            try await row.create(on: database)
            return .init(try row.requireID(), yearID: fiscal.id, audit: .init(
                action: "evidence.add", subject: "\(organisation.code)/\(year)/\(subject.storedKey)",
                after: "\(file.name) sha256 \(row.sha256)"))
        }
    }

    /// Removes a file of the year; audited as `evidence.remove`.
    public func remove(_ id: UUID, organisation: StoredOrganisation, fiscal: StoredYear,
                       actor: AuditActor) async throws {
        let organisationID = organisation.id
        let year = fiscal.year
        try await YearChange.commit(claiming: fiscal.id, kind: .evidence, actor: actor,
                                    on: database) { database in
            guard let row = try await EvidenceModel.find(id, on: database), row.$organisation.id == organisationID,
                  row.year == year else { throw Refusal(message: "没有这份佐证材料。") }
            try await row.delete(on: database)
            return .init((), yearID: fiscal.id, audit: .init(
                action: "evidence.remove", subject: "\(organisation.code)/\(year)/\(row.subject)",
                before: "\(row.name) sha256 \(row.sha256)"))
        }
    }

    /// Refuses files whose bytes do not match their recorded SHA-256 (changed or damaged since they were exported),
    /// every such file named.
    public static func verify(_ files: [BundleArchive.File], source: String) throws {
        let mismatched = files.enumerated().filter { SHA256.hash(data: $0.element.data).hex != $0.element.sha256 }
        guard mismatched.isEmpty else {
            throw InputError(file: source, issues: mismatched.map { index, file in
                ValidationIssue(path: "evidence.json/files[\(index)].sha256",
                                message: "does not match the bytes of \"\(file.name)\"",
                                chinese: "与文件“\(file.name)”的内容不符（文件被改动或损坏）")
            })
        }
    }

    /// A department-year's evidence with its bytes, for the year's archive.
    public func files(organisationID: UUID, year: Int) async throws -> [BundleArchive.File] {
        try await EvidenceModel.query(on: database).filter(\.$organisation.$id == organisationID)
            .filter(\.$year == year).sort(\.$subject).sort(\.$uploadedAt).all().map { row in
                BundleArchive.File(subject: row.subject, name: row.name, sha256: row.sha256, data: row.data)
            }
    }

    /// Replaces a department-year's evidence with `files` inside the caller's transaction; a file whose bytes do
    /// not match its recorded SHA-256 is refused (the reader's ``InputError``, every such file named).
    static func replaceAll(_ files: [BundleArchive.File], organisationID: UUID, year: Int, source: String,
                           actor: AuditActor, on database: any Database) async throws {
        try verify(files, source: source)
        try await EvidenceModel.query(on: database).filter(\.$organisation.$id == organisationID)
            .filter(\.$year == year).delete()
        let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        for file in files {
            let row = EvidenceModel()
            row.$organisation.id = organisationID
            row.year = year
            row.subject = file.subject
            row.name = file.name
            row.type = EvidenceKind.detect(file.data)?.mediaType ?? "application/octet-stream"
            row.size = file.data.count
            row.sha256 = file.sha256
            row.data = file.data
            row.uploadedBy = actor.name
            row.uploadedAt = now
            try await row.create(on: database)
        }
    }
}
