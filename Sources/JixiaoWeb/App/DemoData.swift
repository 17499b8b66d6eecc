import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

/// The demo: the seed department's year, two more departments, one user per role (all with one freshly made
/// password), and review rounds in several states so a newcomer finds a queue and a public report: the seed's
/// self-evaluation published (version 1, on `/public`) and then returned by the bureau for a correction with its
/// reason, a second department's self-evaluation and a third's targets waiting for the bureau, each year's campaign
/// open.
public enum DemoData {
    public struct Account: Sendable {
        public let username: String
        public let role: Role
    }

    /// Loads the bundle — by default the seed department compiled into the program — and the two neighbours (each
    /// only when the store does not hold its year yet), creates the demo accounts (or gives existing ones the new
    /// password) and the review states; returns the accounts and their password.
    public static func load(on database: StoreDatabase, bundle: URL? = nil, cost: Int) async throws -> ([Account], String) {
        let year = try bundle.map { try BundleReader().read($0) }
            ?? BundleReader().decode(Data(WebResources.demoBundle.utf8), file: "演示数据")
        let neighbours = try WebResources.demoNeighbours.map { try BundleReader().decode(Data($0.json.utf8), file: $0.name) }
            .filter { $0.department.code != year.department.code }
        let years = YearRepository(database: database)
        // A reused demo file keeps the years it holds: their review may have moved on (a reviewed year cannot be
        // replaced), and what was done with them since is the point of reusing it.
        for department in [year] + neighbours {
            guard try await years.fiscalYear(code: department.department.code, year: department.year) == nil else { continue }
            try await years.store(department, replacing: false, actor: "demo")
        }
        _ = try await Directory(database: database).apply(([year] + neighbours).map { department in
            DirectoryCSV.Entry(code: department.department.code, name: department.department.name,
                               attributes: demoAttributes[department.department.code] ?? OrganisationAttributes())
        }, actor: "demo")
        let password = try await SettingsRepository(database: database).policy().generatedPassword()
        let users = UserRepository(database: database, cost: cost)
        let accounts = [Account(username: "preparer", role: .preparer), Account(username: "head", role: .head),
                        Account(username: "reviewer", role: .reviewer), Account(username: "auditor", role: .auditor),
                        Account(username: "admin", role: .admin),
                        Account(username: "security", role: .securityAdmin),
                        Account(username: "auditadmin", role: .auditAdmin)]
        for account in accounts {
            if try await users.find(account.username) != nil {
                try await users.resetPassword(username: account.username, password: password, mustChange: false,
                                              actor: "demo")
            } else {
                try await users.add(username: account.username, displayName: "演示\(account.role.chinese)",
                                    password: password, role: account.role,
                                    organisationCode: account.role.isDepartmental ? year.department.code : nil,
                                    mustChangePassword: false, actor: "demo")
            }
        }
        try await review(year, neighbours, on: database)
        return (accounts, password)
    }

    /// Where the demo's departments sit in the bureau's 单位名录, so 部门比较 can be filtered by them.
    private static let demoAttributes = [
        "440112-KX": OrganisationAttributes(region: "黄埔区", group: "科教文处", category: "群团组织"),
        "420000-WJ-DEMO": OrganisationAttributes(region: "示例县", group: "社会保障处", category: "行政单位"),
        "440100-DA-DEMO": OrganisationAttributes(region: "示例区", group: "行政政法处", category: "事业单位"),
    ]

    /// The demo's review states and campaigns (only on rounds still in drafting, so a reused demo file keeps its own).
    private static func review(_ year: DepartmentYear, _ neighbours: [DepartmentYear], on database: StoreDatabase)
        async throws {
        let campaigns = ReviewCampaigns(database: database)
        for held in Set(([year] + neighbours).map(\.year)) {
            try await campaigns.open(year: held, targetsDue: CivilDate(year: held, month: 3, day: 31)!,
                                     evaluationDue: CivilDate(year: held + 1, month: 4, day: 30)!, actor: "demo")
        }
        let steps: [(DepartmentYear, ReviewRound, [(ReviewAction, ReviewParty, String)])] = [
            (year, .selfEvaluation, [(.submit, .preparer, ""), (.approve, .head, ""), (.startReview, .bureau, ""),
                                     (.approve, .bureau, ""), (.publish, .bureau, ""),
                                     (.return, .bureau, "请在履职效能分析中说明科普大篷车展品更新的验收和付款进度，并补充受众人次的统计口径。")]),
        ] + zip(neighbours, [ReviewRound.selfEvaluation, .targets]).map { neighbour, round in
            (neighbour, round, [(.submit, .preparer, ""), (.approve, .head, "")])
        }
        let repository = ReviewRepository(database: database)
        let years = YearRepository(database: database)
        for (department, round, actions) in steps {
            guard let organisation = try await years.organisation(code: department.department.code),
                  let fiscal = try await years.fiscalYear(organisationID: organisation.id, year: department.year),
                  try await repository.statuses(organisationID: organisation.id, year: department.year)[round]
                    == .drafting else { continue }
            for (action, party, reason) in actions {
                // The demo publishes without a PDF, so that it starts in seconds without LibreOffice.
                let publication = action == .publish ? try await Publishing.documents(for: department, annexes: StoredReport.Annexes(evidence: [], rectifications: [])) { _ in nil } : nil
                try await repository.step(action, round: round, by: party, reason: reason,
                                          grade: nil, organisation: organisation, fiscal: fiscal,
                                          publication: publication,
                                          actor: AuditActor(name: "demo", role: party == .bureau ? Role.reviewer.rawValue : party.rawValue,
                                                            source: "local"))
            }
        }
        if let first = neighbours.first { try await recheck(first, on: database) }
    }

    /// The demo's 自评复核: the first neighbour (its self-evaluation with the bureau) drawn at random with a fixed
    /// seed, and its first scored indicator re-scored two points lower, so the re-check pages have something to show.
    private static func recheck(_ year: DepartmentYear, on database: StoreDatabase) async throws {
        let rechecks = Rechecks(database: database)
        let years = YearRepository(database: database)
        guard try await rechecks.drawn(year: year.year).isEmpty,
              let organisation = try await years.organisation(code: year.department.code),
              let fiscal = try await years.fiscalYear(organisationID: organisation.id, year: year.year)
        else { return }
        let actor = AuditActor(name: "demo", role: Role.reviewer.rawValue, source: "local")
        _ = try await rechecks.draw(year: year.year, count: 1, method: .random(seed: 20_240_501), actor: actor)
        let evaluation = Evaluator.evaluate(year)
        guard let scored = evaluation.indicators.first(where: { $0.score >= Rational(2) }) else { return }
        try await rechecks.rescore(.init(score: scored.score - Rational(2), reason: "抽查原始记录，部分完成量缺少验收凭证，按可核实的数量计分。"),
                                   item: scored.id, file: nil, organisation: organisation, fiscal: fiscal, actor: actor)
    }
}
