import Fluent
import Foundation
import JixiaoCore
import SQLKit

/// The fingerprints of every department-year's written text (`passages`: each paragraph of the 部门概况 and the
/// report sections with its MinHash signature; `passage_bands`: its 16 band keys, indexed by year and key), kept
/// equal to the text inside the transaction of every change, so that one department's shared passages are found by
/// an index lookup and the province's by reading signatures, without fingerprinting any text again.
public struct PassageFingerprints: Sendable {
    static let passages = "passages"
    static let bands = "passage_bands"
    static let generations = "passage_generations"
    /// Holders of one band looked at for one department: past this the band is a sentence very many departments
    /// kept, and the count it gives is a lower bound.
    static let holdersPerBand = 64
    /// Holders compared by signature for one passage: those sharing most of its bands.
    static let comparedPerPassage = 16
    static let batchSize = 500

    public let database: any Database

    public init(database: any Database) { self.database = database }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    /// Makes the year's stored fingerprints those of `passages`, rewriting them only when a paragraph changed (a
    /// change that leaves the text alone costs one read).
    func keep(_ passages: [NearDuplicates.Passage], yearID: UUID, organisationID: UUID, year: Int) async throws {
        // By the whole key (organisation, year, position): the year alone would scan the province's passages.
        let stored = try await sql.select().column("section").column("paragraph").column("text")
            .from(Self.passages).where("organisation_id", .equal, SQLBind(organisationID))
            .where("year_id", .equal, SQLBind(yearID)).orderBy("position").all()
            .map { row in
                (try row.decode(column: "section", as: String.self), try row.decode(column: "paragraph", as: Int.self),
                 try row.decode(column: "text", as: String.self))
            }
        let current = passages.map { ($0.section?.rawValue ?? "", $0.paragraph, $0.text) }
        guard !stored.elementsEqual(current, by: ==) else { return }
        try await Self.renew(year: year, on: database)
        try await sql.delete(from: Self.bands).where("organisation_id", .equal, SQLBind(organisationID))
            .where("year_id", .equal, SQLBind(yearID)).run()
        try await sql.delete(from: Self.passages).where("organisation_id", .equal, SQLBind(organisationID))
            .where("year_id", .equal, SQLBind(yearID)).run()
        let fingerprints = passages.map(NearDuplicates.Fingerprint.init)
        for start in stride(from: 0, to: fingerprints.count, by: Self.batchSize) {
            var insert = sql.insert(into: Self.passages)
                .columns("organisation_id", "year_id", "year", "position", "section", "paragraph", "text", "signature")
            for position in start..<min(fingerprints.count, start + Self.batchSize) {
                let fingerprint = fingerprints[position]
                insert = insert.values(SQLBind(organisationID), SQLBind(yearID), SQLBind(year), SQLBind(position),
                                       SQLBind(fingerprint.passage.section?.rawValue ?? ""),
                                       SQLBind(fingerprint.passage.paragraph), SQLBind(fingerprint.passage.text),
                                       SQLBind(Self.encode(fingerprint.signature)))
            }
            try await insert.run()
        }
        let keyed = fingerprints.enumerated().flatMap { position, fingerprint in
            NearDuplicates.bands(fingerprint.signature).enumerated().map { (position, $0, $1) }
        }
        for start in stride(from: 0, to: keyed.count, by: Self.batchSize) {
            var insert = sql.insert(into: Self.bands)
                .columns("organisation_id", "year_id", "year", "position", "band_number", "band")
            for (position, number, key) in keyed[start..<min(keyed.count, start + Self.batchSize)] {
                insert = insert.values(SQLBind(organisationID), SQLBind(yearID), SQLBind(year), SQLBind(position),
                                       SQLBind(number), SQLBind(key))
            }
            try await insert.run()
        }
    }

    /// Gives the province's text of `year` — of every year when nil — a new generation: its passages or a department's
    /// name (which the pairs carry) changed, so what pages kept of it is worked out again.
    static func renew(year: Int?, on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let generation = SQLBind(UUID().uuidString)
        guard let year else {
            try await sql.update(generations).set("generation", to: generation).run()
            return
        }
        try await sql.insert(into: generations).columns("year", "generation").values(SQLBind(year), generation)
            .onConflict(with: ["year"]) { $0.set(excludedValueOf: "generation") }.run()
    }

    /// The pairs of ``shared(code:year:threshold:)`` at the province's current generation of the year's text,
    /// worked out once per generation and kept (``KeptCache``): for pages, not for a change's transaction.
    public func sharedKept(code: String, year: Int, threshold: Rational = NearDuplicates.threshold) async throws
        -> (pairs: [NearDuplicates.Pair], atLeast: Bool) {
        // Read before the passages, so what is kept is never older than its generation.
        let generation = try await generation(year: year)
        let id = Asked(code: code, year: year, threshold: threshold)
        if let kept = Self.kept.value(for: id, at: generation) { return (kept.pairs, kept.atLeast) }
        let (pairs, atLeast) = try await shared(code: code, year: year, threshold: threshold)
        Self.kept.keep(Shared(pairs: pairs, atLeast: atLeast), for: id, at: generation)
        return (pairs, atLeast)
    }

    /// The current generation of the province's text of `year` (empty before its first passages): what is worked out
    /// from it may be kept while this is the same.
    public func generation(year: Int) async throws -> String {
        try await sql.select().column("generation").from(Self.generations).where("year", .equal, SQLBind(year))
            .first()?.decode(column: "generation", as: String.self) ?? ""
    }

    /// What a page asked 文字雷同 for.
    struct Asked: Hashable, Sendable {
        var code: String
        var year: Int
        var threshold: Rational
    }

    /// What ``shared(code:year:threshold:)`` found.
    struct Shared: Sendable {
        var pairs: [NearDuplicates.Pair]
        var atLeast: Bool
    }

    /// The pairs a server keeps, a department-year each.
    static let kept = KeptCache<Asked, String, Shared>(capacity: 4_096)

    /// The year's passages that other departments' texts of the same year share (at least `threshold` similar),
    /// each pair with the department's own passage first, and whether the count is a lower bound. Bounded whatever
    /// the province: an index lookup of at most 64 holders per band, then for each passage the 16 holders sharing
    /// most of its bands (two at least: a passage 80 % alike shares six on average) are compared by signature.
    public func shared(code: String, year: Int, threshold: Rational = NearDuplicates.threshold) async throws
        -> (pairs: [NearDuplicates.Pair], atLeast: Bool) {
        let mine = try await positioned(select().where(SQLColumn("code", table: "o"), .equal, SQLBind(code))
            .where(SQLColumn("year", table: "p"), .equal, SQLBind(year)))
        guard let yearID = mine.first?.0 else { return ([], false) }
        let own = mine.map(\.2)
        var owners: [Int64: [Int]] = [:]
        for (index, fingerprint) in own.enumerated() {
            for key in NearDuplicates.bands(fingerprint.signature) { owners[key, default: []].append(index) }
        }
        let keys = Array(owners.keys)
        guard !keys.isEmpty else { return ([], false) }
        // A holder's year as the database spells it: thousands of rows are read, and parsing each id costs more
        // than the lookup; only the few kept are parsed.
        struct Holder: Hashable { let yearID: String; let position: Int }
        var hits = [[Holder: Int]](repeating: [:], count: own.count)
        var atLeast = false
        for start in stride(from: 0, to: keys.count, by: 100) {
            // One bounded lookup per band, joined into one statement.
            let batch = Array(keys[start..<min(keys.count, start + 100)])
            let lookups = batch.enumerated().map { index, key -> SQLQueryString in
                """
                SELECT * FROM (SELECT year_id, position, \(literal: index) AS lookup FROM \(ident: Self.bands) \
                WHERE year = \(bind: year) AND band = \(bind: key) AND year_id <> \(bind: yearID) \
                LIMIT \(literal: Self.holdersPerBand + 1)) AS \(ident: "b\(index)")
                """
            }
            var perLookup: [Int: Int] = [:]
            for row in try await sql.raw(lookups.joined(separator: " UNION ALL ")).all() {
                let lookup = try row.decode(column: "lookup", as: Int.self)
                perLookup[lookup, default: 0] += 1
                guard perLookup[lookup]! <= Self.holdersPerBand else { atLeast = true; continue }
                let holder = Holder(yearID: try row.decode(column: "year_id", as: String.self),
                                    position: try row.decode(column: "position", as: Int.self))
                for index in owners[batch[lookup]] ?? [] { hits[index][holder, default: 0] += 1 }
            }
        }
        var kept: Set<Holder> = []
        for counts in hits {
            let likely = counts.filter { $0.value >= 2 }.sorted { ($0.value, $0.key.position) > ($1.value, $1.key.position) }
            if likely.count > Self.comparedPerPassage { atLeast = true }
            kept.formUnion(likely.prefix(Self.comparedPerPassage).map(\.key))
        }
        var wanted: [UUID: Set<Int>] = [:]
        for holder in kept {
            if let yearID = UUID(uuidString: holder.yearID) { wanted[yearID, default: []].insert(holder.position) }
        }
        guard !wanted.isEmpty else { return ([], atLeast) }
        let years = SQLGroupExpression(wanted.keys.map { SQLBind($0) })
        // Their organisations first, so the passages are found by their key rather than by scanning the province's.
        let organisations: SQLQueryString = "SELECT organisation_id FROM \(ident: FiscalYearModel.schema) WHERE id IN \(years)"
        let others = try await positioned(select()
            .where(SQLColumn("organisation_id", table: "p"), .in, SQLGroupExpression(organisations))
            .where(SQLColumn("year_id", table: "p"), .in, years))
            .filter { wanted[$0.0]?.contains($0.1) ?? false }.map(\.2)
        return (NearDuplicates.matches(of: own, among: others, threshold: threshold), atLeast)
    }

    /// Every department's fingerprinted passages of `year`, in code and position order.
    public func all(year: Int) async throws -> [NearDuplicates.Fingerprint] {
        try await fingerprints(select().where(SQLColumn("year", table: "p"), .equal, SQLBind(year)))
    }

    private func select() -> SQLSelectBuilder {
        sql.select().column(SQLColumn("code", table: "o")).column(SQLColumn("name", table: "o"))
            .column(SQLColumn("year_id", table: "p")).column(SQLColumn("position", table: "p"))
            .column(SQLColumn("section", table: "p")).column(SQLColumn("paragraph", table: "p"))
            .column(SQLColumn("text", table: "p")).column(SQLColumn("signature", table: "p"))
            .from(SQLAlias(SQLIdentifier(Self.passages), as: SQLIdentifier("p")))
            .joiningOrganisation(of: "p")
            .orderBy(SQLColumn("code", table: "o")).orderBy(SQLColumn("position", table: "p"))
    }

    private func fingerprints(_ query: SQLSelectBuilder) async throws -> [NearDuplicates.Fingerprint] {
        try await positioned(query).map(\.2)
    }

    private func positioned(_ query: SQLSelectBuilder) async throws -> [(UUID, Int, NearDuplicates.Fingerprint)] {
        try await query.all().map { row in
            let section = try row.decode(column: "section", as: String.self)
            let passage = NearDuplicates.Passage(
                code: try row.decode(column: "code", as: String.self), name: try row.decode(column: "name", as: String.self),
                section: NarrativeSection(rawValue: section), paragraph: try row.decode(column: "paragraph", as: Int.self),
                text: try row.decode(column: "text", as: String.self))
            return (try row.decode(column: "year_id", as: UUID.self), try row.decode(column: "position", as: Int.self),
                    NearDuplicates.Fingerprint(passage: passage,
                                               signature: Self.decode(try row.decode(column: "signature", as: String.self))))
        }
    }

    /// A signature as stored: its minima as 16 hexadecimal digits each (empty for a passage too short to judge).
    static func encode(_ signature: [UInt64]) -> String {
        signature.map { value in
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }

    static func decode(_ text: String) -> [UInt64] {
        var minima: [UInt64] = []
        minima.reserveCapacity(text.utf8.count / 16)
        var value: UInt64 = 0
        var digits = 0
        for byte in text.utf8 {
            let digit: UInt8 = switch byte {
            case 0x30...0x39: byte - 0x30
            case 0x61...0x66: byte - 0x61 + 10
            default: 0
            }
            value = value << 4 | UInt64(digit)
            digits += 1
            if digits == 16 {
                minima.append(value)
                (value, digits) = (0, 0)
            }
        }
        return minima
    }
}
