import Fluent
import Foundation
import JixiaoCore

/// Published self-evaluations: written once by the publish step, read by the public portal. Only what is here is
/// public; a department-year never published has nothing to show.
public struct Publications: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// What a publication holds: the documents exactly as published and the data they were made from.
    public struct Documents: Sendable {
        public var bundle: String
        public var html: String
        public var docx: Data
        public var xlsx: Data
        public var pdf: Data?
        public var scoreCSV: String

        public init(bundle: String, html: String, docx: Data, xlsx: Data, pdf: Data?, scoreCSV: String) {
            self.bundle = bundle
            self.html = html
            self.docx = docx
            self.xlsx = xlsx
            self.pdf = pdf
            self.scoreCSV = scoreCSV
        }
    }

    /// One published version.
    public struct Entry: Sendable, Equatable {
        public var code: String
        public var name: String
        public var year: Int
        public var version: Int
        public var publishedAt: Date
    }

    /// Every published version, newest year first, searched by department name or code.
    public func list(search: String? = nil, year: Int? = nil) async throws -> [Entry] {
        var query = PublicationModel.query(on: database).with(\.$organisation)
            .field(\.$id).field(\.$organisation.$id).field(\.$year).field(\.$version).field(\.$publishedAt)
        if let year { query = query.filter(\.$year == year) }
        let entries = try await query.all().map { row in
            Entry(code: row.organisation.code, name: row.organisation.name, year: row.year, version: row.version,
                  publishedAt: row.publishedAt)
        }
        let needle = search?.trimmingCharacters(in: .whitespaces) ?? ""
        return entries.filter { needle.isEmpty || $0.name.contains(needle) || $0.code.contains(needle) }
            .sorted { ($1.year, $0.code, $1.version) < ($0.year, $1.code, $0.version) }
    }

    /// A published version's entry and documents; the latest when `version` is nil.
    public func find(code: String, year: Int, version: Int?) async throws -> (Entry, Documents)? {
        guard let organisation = try await YearRepository(database: database).organisation(code: code) else {
            return nil
        }
        var query = PublicationModel.query(on: database).filter(\.$organisation.$id == organisation.id)
            .filter(\.$year == year)
        if let version { query = query.filter(\.$version == version) }
        guard let row = try await query.sort(\.$version, .descending).first() else { return nil }
        return (Entry(code: code, name: organisation.name, year: year, version: row.version, publishedAt: row.publishedAt),
                Documents(bundle: row.bundle, html: row.html, docx: row.docx, xlsx: row.xlsx, pdf: row.pdf,
                          scoreCSV: row.scoreCSV))
    }

    /// Stores the next version of a department-year (inside the publish step's transaction); returns its number.
    static func add(_ documents: Documents, organisationID: UUID, year: Int, at date: Date,
                    on database: any Database) async throws -> Int {
        let last = try await PublicationModel.query(on: database).filter(\.$organisation.$id == organisationID)
            .filter(\.$year == year).sort(\.$version, .descending).first()?.version ?? 0
        let row = PublicationModel()
        row.$organisation.id = organisationID
        row.year = year
        row.version = last + 1
        row.publishedAt = date
        row.bundle = documents.bundle
        row.html = documents.html
        row.docx = documents.docx
        row.xlsx = documents.xlsx
        row.pdf = documents.pdf
        row.scoreCSV = documents.scoreCSV
        try await row.create(on: database)
        return row.version
    }
}
