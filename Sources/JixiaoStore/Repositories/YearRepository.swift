import Fluent
import Foundation
import JixiaoCore
import JixiaoIO
import SQLKit

/// Loads a department-year from the store as the engine's immutable value, and stores one whole (an import).
public struct YearRepository: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// The organisation with a code.
    public func organisation(code: String) async throws -> StoredOrganisation? {
        try await organisationRow(code: code).map(StoredOrganisation.init)
    }

    func organisationRow(code: String) async throws -> OrganisationModel? {
        try await OrganisationModel.query(on: database).filter(\.$code == code).first()
    }

    /// The fiscal year of an organisation.
    public func fiscalYear(organisationID: UUID, year: Int) async throws -> StoredYear? {
        try await FiscalYearModel.query(on: database).filter(\.$organisation.$id == organisationID)
            .filter(\.$year == year).first().map(StoredYear.init)
    }

    /// The fiscal year `year` of the organisation with `code`; nil when either is not held.
    public func fiscalYear(code: String, year: Int) async throws -> StoredYear? {
        guard let organisation = try await organisation(code: code) else { return nil }
        return try await fiscalYear(organisationID: organisation.id, year: year)
    }

    /// The fiscal years held, newest first: of one organisation, or of all when `code` is nil. One query that reads
    /// only the years (a province holds tens of thousands of fiscal years).
    public func heldYears(organisation code: String? = nil) async throws -> [Int] {
        let query = YearRows.FiscalRow.joined([SQLColumn("year", table: "f")], on: database).distinct()
            .orderBy(SQLOrderBy(expression: SQLColumn("year", table: "f"), direction: SQLDirection.descending))
        if let code { query.where(SQLColumn("code", table: "o"), .equal, SQLBind(code)) }
        return try await query.all().map { try $0.decode(column: "year", as: Int.self) }
    }

    /// A stored department-year as lists show it, with its evaluation snapshot's figures.
    public struct ListedYear: Sendable, Equatable {
        public var code: String
        public var name: String
        public var year: Int
        /// The year's version, which a change must name.
        public var version: Int
        /// The snapshot's total, grade, rate (four decimals) and findings that need action; nil before the first.
        public var total: String?
        public var grade: String?
        public var rate: String?
        public var findings: Int?
    }

    /// The stored department-years (one department's, one year's when given), latest year first and by code, read
    /// in one query with their snapshots — no year's data is loaded.
    public func listed(organisation: String? = nil, year: Int? = nil) async throws -> [ListedYear] {
        var query = YearRows.FiscalRow.joined(
            [SQLColumn("code", table: "o"), SQLColumn("name", table: "o"), SQLColumn("year", table: "f"),
             SQLColumn("version", table: "f")] + ["total", "grade", "rate", "findings"].map { SQLColumn($0, table: "e") },
            on: database)
            .join(SQLAlias(SQLIdentifier(EvaluationModel.schema), as: SQLIdentifier("e")), method: SQLJoinMethod.left,
                  on: SQLColumn("year_id", table: "e"), .equal, SQLColumn("id", table: "f"))
        if let organisation { query = query.where(SQLColumn("code", table: "o"), .equal, SQLBind(organisation)) }
        if let year { query = query.where(SQLColumn("year", table: "f"), .equal, SQLBind(year)) }
        return try await query.orderBy(SQLOrderBy(expression: SQLColumn("year", table: "f"), direction: SQLDirection.descending))
            .orderBy(SQLColumn("code", table: "o"))
            .all().map { row in
                ListedYear(code: try row.decode(column: "code", as: String.self),
                         name: try row.decode(column: "name", as: String.self),
                         year: try row.decode(column: "year", as: Int.self),
                         version: try row.decode(column: "version", as: Int.self),
                         total: try row.decode(column: "total", as: String?.self),
                         grade: try row.decode(column: "grade", as: String?.self),
                         rate: try row.decode(column: "rate", as: String?.self),
                         findings: try row.decode(column: "findings", as: Int?.self))
            }
    }

    /// How a loaded year holds its payments.
    public enum PaymentDetail: Sendable {
        /// Every payment as stored, with payee, voucher and memo: for exports, comparisons with a new file, and
        /// whatever writes the year out again.
        case each
        /// Each line's total of each day (``Payment/dailyTotal(line:date:amount:count:)``): all that evaluation,
        /// findings, monitoring and the report read, at most lines × days rows however many payments there are.
        case dailyTotals
    }

    /// The department-year, read through the bundle reader so it passes the same checks as an imported file; its
    /// payments as `payments` says.
    public func load(code: String, year: Int, payments: PaymentDetail = .each) async throws -> DepartmentYear? {
        guard let fiscal = try await YearRows.FiscalRow.find(code: code, year: year, on: database) else { return nil }
        return try await Self.load(fiscal, payments: payments, on: database)
    }

    /// The department-year as ``load(code:year:payments:)`` reads it with its days' totals, read once per revision
    /// of the year and kept (``YearCache``): what a page shows. Not for use inside a change's transaction, which
    /// would keep what it has not yet committed.
    public func loadKept(code: String, year: Int) async throws -> DepartmentYear? {
        try await kept(code: code, year: year, assessed: false)?.0.year
    }

    /// What a year read for a page is at: the fiscal year's row, its revision (which every change replaces) and the
    /// department's name (which the bureau's 单位名录 may change without changing the year). Whatever a page works
    /// out from the year alone may be kept while this is the same.
    public struct Revision: Hashable, Sendable {
        public var yearID: UUID
        public var revision: String
        public var name: String
    }

    /// The department-year as ``loadKept(code:year:)`` gives it, its assessment, worked out once per revision, and
    /// the revision they are of.
    public func loadAssessed(code: String, year: Int) async throws
        -> (year: DepartmentYear, assessment: Assessment, revision: Revision)? {
        guard let (kept, revision) = try await kept(code: code, year: year, assessed: true),
              let assessment = kept.assessment else {
            return nil
        }
        return (kept.year, assessment, revision)
    }

    /// The year at its stored revision from ``YearCache``, read (and assessed when `assessed`) when not kept yet.
    private func kept(code: String, year: Int, assessed: Bool) async throws -> (YearCache.Kept, Revision)? {
        guard let key = try await revision(code: code, year: year) else { return nil }
        let cached = YearCache.shared.value(for: key.yearID, at: key)
        if let cached, cached.assessment != nil || !assessed { return (cached, key) }
        var kept: YearCache.Kept
        if let cached {
            kept = cached
        } else {
            // Read after the revision, so never older than it.
            guard let loaded = try await load(code: code, year: year, payments: .dailyTotals) else { return nil }
            kept = YearCache.Kept(year: loaded)
        }
        if assessed { kept.assessment = Assessment(kept.year) }
        YearCache.shared.keep(kept, for: key.yearID, at: key)
        return (kept, key)
    }

    /// The stored year's row, current revision and department name, in one query.
    private func revision(code: String, year: Int) async throws -> Revision? {
        let columns = [SQLColumn("id", table: "f"), SQLColumn("revision", table: "f"), SQLColumn("name", table: "o")]
        guard let row = try await YearRows.FiscalRow.of(code: code, year: year,
                                                       YearRows.FiscalRow.joined(columns, on: database)).first() else {
            return nil
        }
        return Revision(yearID: try row.decode(column: "id", as: UUID.self),
                             revision: try row.decode(column: "revision", as: String.self),
                             name: try row.decode(column: "name", as: String.self))
    }

    /// The stored year whose own row is `fiscal`, its payments as `payments` says (``load(_:payments:on:)``).
    static func load(_ fiscal: YearRows.FiscalRow, payments: PaymentDetail, on database: any Database) async throws
        -> DepartmentYear {
        guard let year = try await load([fiscal], payments: payments, on: database)[fiscal.id] else { throw Stale() }
        return try year.get()
    }

    /// The stored years `year` of the departments `codes`, read together (a query a table for them all) — how
    /// whole-province work reads a province in batches; by code, each year or why it could not be read. A code
    /// without the year is left out.
    public func loadAll(codes: [String], year: Int, payments: PaymentDetail = .dailyTotals) async throws
        -> [String: Result<DepartmentYear, any Error>] {
        let fiscals = try await YearRows.FiscalRow.find(codes: codes, year: year, on: database)
        let years = try await Self.load(fiscals, payments: payments, on: database)
        return Dictionary(uniqueKeysWithValues: fiscals.compactMap { fiscal in years[fiscal.id].map { (fiscal.code, $0) } })
    }

    /// The stored years whose own rows are `fiscals` (without payments when `payments` is nil), each built from its
    /// typed rows, with only the parts kept as JSON (template, key tasks, report sections, projects) read by the
    /// bundle reader: every row was checked with its
    /// whole year by the reader when written, so the year is not checked again. By year id; a year whose JSON parts
    /// no longer read (a template no longer built in) holds the reader's ``InputError``.
    static func load(_ fiscals: [YearRows.FiscalRow], payments: PaymentDetail?, on database: any Database) async throws
        -> [UUID: Result<DepartmentYear, any Error>] {
        let ids = fiscals.map(\.id)
        guard !ids.isEmpty else { return [:] }
        let units = Dictionary(fiscals.map { ($0.id, Money.Unit(rawValue: $0.moneyUnit) ?? .yuan) },
                               uniquingKeysWith: { first, _ in first })
        let lines = try await BudgetLineRepository.lines(yearIDs: ids, units: units, on: database)
        let records = try await RecordTables.read(yearIDs: ids, on: database)
        let definitions = try await YearRows.definitions(yearIDs: ids, on: database)
        let paid: [UUID: [Payment]] = switch payments {
        case .each?: try await PaymentRows.all(yearIDs: ids, on: database)
        case .dailyTotals?: try await PaymentDays.totals(yearIDs: ids, on: database)
        case nil: [:]
        }
        func parsed(_ text: String) -> JSONValue { (try? JSONParser.parse(Data(text.utf8))) ?? .null }
        let reader = BundleReader()
        var years: [UUID: Result<DepartmentYear, any Error>] = [:]
        for fiscal in fiscals {
            years[fiscal.id] = Result {
                let unit = Money.Unit(rawValue: fiscal.moneyUnit) ?? .yuan
                let budget = lines[fiscal.id] ?? []
                let typed = records[fiscal.id] ?? RecordTables.Records()
                let kept = try reader.keptParts(
                    template: parsed(fiscal.template), tasks: parsed(fiscal.tasks), narrative: parsed(fiscal.narrative),
                    projects: definitions[fiscal.id]?["project"] ?? [], lines: budget, indicators: typed.indicators,
                    year: fiscal.year, file: "\(fiscal.code)/\(fiscal.year)")
                return DepartmentYear(
                    year: fiscal.year, template: kept.template, templateChoice: kept.templateChoice, moneyUnit: unit,
                    department: Department(code: fiscal.code, name: fiscal.name, overview: fiscal.overview),
                    tasks: kept.tasks, goal: fiscal.goal, budgetLines: budget, payments: paid[fiscal.id] ?? [],
                    indicators: typed.indicators, workPlan: typed.workPlan, activities: typed.activities,
                    procurements: typed.procurements, assets: fiscal.assets, projects: kept.projects,
                    narrative: kept.narrative, workCalendar: reader.catalog.workCalendar, checks: reader.catalog.checks)
            }
        }
        return years
    }

    /// Stores a department-year in one transaction, replacing the same organisation's year when `replacing`;
    /// without it an existing year is an error. The organisation is created when new. With `evidence` (from the
    /// year's archive), the year's evidence is replaced by it in the same transaction; without, it is kept.
    public func store(_ year: DepartmentYear, replacing: Bool, evidence: [BundleArchive.File]? = nil,
                      actor: AuditActor) async throws {
        let existingYear = try await fiscalYear(code: year.department.code, year: year.year)?.id
        try await YearChange.commit(claiming: existingYear, kind: .wholeYear, actor: actor, on: database) { database in
            let repository = YearRepository(database: database)
            let organisation: OrganisationModel
            if let existing = try await repository.organisationRow(code: year.department.code) {
                organisation = existing
                if organisation.name != year.department.name {
                    organisation.name = year.department.name
                    try await organisation.save(on: database)
                    // Names are part of what 文字雷同 shows of other departments.
                    try await PassageFingerprints.renew(year: nil, on: database)
                }
            } else {
                organisation = OrganisationModel(code: year.department.code, name: year.department.name,
                                                 kind: "department")
                try await organisation.create(on: database)
            }
            let subject = "\(year.department.code)/\(year.year)"
            if let existing = try await repository.fiscalYear(organisationID: organisation.id!, year: year.year) {
                guard replacing else { throw YearExists(code: year.department.code, year: year.year) }
                try await YearRows.delete(existing, on: database)
            }
            let yearID = try await YearRows.insert(year, organisationID: organisation.id!, on: database)
            if let evidence {
                try await EvidenceRepository.replaceAll(evidence, organisationID: organisation.id!, year: year.year,
                                                        source: subject, actor: actor, on: database)
            }
            return .init((), written: year, yearID: yearID, organisationID: organisation.id!, audit: .init(
                action: replacing ? "year.replace" : "year.import", subject: subject,
                after: "\(year.budgetLines.count) lines, \(year.payments.count) payments, \(year.indicators.count) indicators"
                    + (evidence.map { ", \($0.count) evidence files" } ?? "")))
        }
    }

    /// A change to a year that lost a race: the year was changed since the form was opened.
    public struct Stale: Error, Equatable {}

    /// Replaces the year's written narrative if the year is still at `version`; audited with before and after.
    public func updateNarrative(_ narrative: [NarrativeSection: String], fiscal: StoredYear, version: Int,
                                subject: String, actor: AuditActor) async throws {
        let text = JSONValue.object(NarrativeSection.allCases.compactMap { section in
            narrative[section].flatMap { $0.isEmpty ? nil : JSONValue.Member(section.rawValue, .string($0)) }
        }).serialized()
        let before = try await row(fiscal).narrative
        let id = fiscal.id
        try await YearChange.commit(claiming: id, kind: .narrative, actor: actor, on: database) { database in
            try await Self.advance(id, from: version, setting: [("narrative", text)], on: database)
            return .init((), yearID: id, audit: .init(action: "narrative.update", subject: subject, before: before,
                                                      after: text))
        }
    }

    /// 基本情况: the department's overview, the year's key tasks (重点工作任务) and its overall goal (年度总体目标).
    public struct Basics: Sendable, Equatable {
        public var overview: String
        public var tasks: [String]
        public var goal: String

        public init(overview: String, tasks: [String], goal: String) {
            self.overview = overview
            self.tasks = tasks
            self.goal = goal
        }
    }

    /// Replaces the year's 基本情况 if the year is still at `version`. The key tasks and the goal are part of the
    /// targets (held once the targets are handed in), the overview is text like the narrative; the year must still
    /// read (the work plan's tasks point at key tasks by number), else the reader's ``InputError``. Audited.
    public func updateBasics(_ basics: Basics, organisation: StoredOrganisation, fiscal: StoredYear,
                             version: Int, actor: AuditActor) async throws {
        let tasks = JSONValue.array(basics.tasks.map(JSONValue.string)).serialized()
        let row = try await row(fiscal)
        let stored = try? JSONParser.parse(Data(row.tasks.utf8))
        let changesTargets = basics.goal != row.goal || stored != JSONValue.array(basics.tasks.map(JSONValue.string))
        try await updateColumns([("overview", basics.overview), ("tasks", tasks), ("goal", basics.goal)],
                                kind: changesTargets ? .targets : .narrative, action: "basics.update",
                                organisation: organisation, fiscal: fiscal, version: version, actor: actor,
                                before: "overview=\(row.overview) tasks=\(row.tasks) goal=\(row.goal)",
                                after: "overview=\(basics.overview) tasks=\(tasks) goal=\(basics.goal)")
    }

    /// Replaces the year's assets (a bundle `assets` object, nil to remove them) if the year is still at `version`;
    /// checked by the bundle reader with the whole year, held with the self-evaluation, audited.
    public func updateAssets(_ assets: JSONValue?, organisation: StoredOrganisation, fiscal: StoredYear,
                             version: Int, actor: AuditActor) async throws {
        let id = fiscal.id
        let subject = "\(organisation.code)/\(fiscal.year)"
        try await YearChange.commit(claiming: id, kind: .results, actor: actor, on: database) { database in
            try await Self.advance(id, from: version, setting: [], on: database)
            let bundle = try await YearRows.bundle(yearID: id, on: database)
            let year = try BundleReader().decode(assets.map { bundle.setting("assets", to: $0) } ?? bundle.removing("assets"),
                                                 file: subject)
            try await AssetColumns.set(year.assets, yearID: id, on: database as! any SQLDatabase)
            return .init((), yearID: id, audit: .init(action: "assets.update", subject: subject,
                                                      before: bundle["assets"]?.serialized() ?? "",
                                                      after: assets?.serialized() ?? ""))
        }
    }

    /// The year's row as stored now; ``Stale`` when it is gone.
    private func row(_ fiscal: StoredYear) async throws -> FiscalYearModel {
        guard let row = try await FiscalYearModel.find(fiscal.id, on: database) else { throw Stale() }
        return row
    }

    /// Sets columns of the year's row if it is still at `version` (else ``Stale``), then reads the whole year back
    /// through the bundle reader (its ``InputError`` undoes the change) — one audited change of `kind`.
    private func updateColumns(_ columns: [(String, String?)], kind: ChangeKind, action: String,
                               organisation: StoredOrganisation, fiscal: StoredYear, version: Int,
                               actor: AuditActor, before: String, after: String) async throws {
        let id = fiscal.id
        let subject = "\(organisation.code)/\(fiscal.year)"
        try await YearChange.commit(claiming: id, kind: kind, actor: actor, on: database) { database in
            try await Self.advance(id, from: version, setting: columns, on: database)
            _ = try BundleReader().decode(try await YearRows.bundle(yearID: id, on: database),
                                          file: subject)
            return .init((), yearID: id, audit: .init(action: action, subject: subject, before: before, after: after))
        }
    }

    /// Sets `columns` of the year's row and its next version if it is still at `version`; else ``Stale``.
    private static func advance(_ id: UUID, from version: Int, setting columns: [(String, String?)],
                                on database: any Database) async throws {
        var update = (database as! any SQLDatabase).update(FiscalYearModel.schema).set("version", to: SQLBind(version + 1))
        for (column, value) in columns { update = update.set(SQLIdentifier(column), to: SQLBind(value)) }
        let changed = try await update.where("id", .equal, SQLBind(id)).where("version", .equal, SQLBind(version))
            .returning("id").all()
        guard !changed.isEmpty else { throw Stale() }
    }

    /// Importing a year that is already stored, without saying it should be replaced.
    public struct YearExists: Error, CustomStringConvertible {
        public let code: String
        public let year: Int

        public var description: String { "\(code) already has \(year) in the store; replace it explicitly" }
    }
}
