import Crypto
import Fluent
import Foundation
import JixiaoCore

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

    /// The most files a department-year holds.
    public static let maximumFiles = 500

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
    public func add(_ file: File, to subject: EvidenceSubject, organisation: OrganisationModel,
                    fiscal: FiscalYearModel, actor: AuditActor) async throws -> UUID {
        let organisationID = try organisation.requireID()
        let year = fiscal.year
        return try await YearChange.commit(claiming: try fiscal.requireID(), kind: .evidence, actor: actor,
                                           on: database) { database in
            let count = try await EvidenceModel.query(on: database).filter(\.$organisation.$id == organisationID)
                .filter(\.$year == year).count()
            guard count < Self.maximumFiles else {
                throw Refusal(message: "每个年度最多保存 \(Self.maximumFiles) 份佐证材料。")
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
            return .init(try row.requireID(), yearID: try fiscal.requireID(), audit: .init(
                action: "evidence.add", subject: "\(organisation.code)/\(year)/\(subject.storedKey)",
                after: "\(file.name) sha256 \(row.sha256)"))
        }
    }

    /// Removes a file of the year; audited as `evidence.remove`.
    public func remove(_ id: UUID, organisation: OrganisationModel, fiscal: FiscalYearModel,
                       actor: AuditActor) async throws {
        let organisationID = try organisation.requireID()
        let year = fiscal.year
        try await YearChange.commit(claiming: try fiscal.requireID(), kind: .evidence, actor: actor,
                                    on: database) { database in
            guard let row = try await EvidenceModel.find(id, on: database), row.$organisation.id == organisationID,
                  row.year == year else { throw Refusal(message: "没有这份佐证材料。") }
            try await row.delete(on: database)
            return .init((), yearID: try fiscal.requireID(), audit: .init(
                action: "evidence.remove", subject: "\(organisation.code)/\(year)/\(row.subject)",
                before: "\(row.name) sha256 \(row.sha256)"))
        }
    }
}
