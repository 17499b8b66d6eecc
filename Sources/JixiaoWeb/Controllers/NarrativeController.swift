import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoReport
import JixiaoStore
import Vapor

/// The report's written sections: shown beside the printed text, saved with a version check and audited.
struct NarrativeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.narrative(code: .parameter, year: .parameter), use: show)
        // Room for every section at its longest, so that what the form lets a clerk type always arrives.
        routes.post(.narrative(code: .parameter, year: .parameter),
                    body: .collect(maxSize: ByteCount(value: TextLimits.formBytes(fields: NarrativeSection.allCases.count))),
                    use: save)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        try await page(request, message: nil, status: .ok)
    }

    @Sendable func save(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let (organisation, fiscal, _) = try await load(request)
        guard user.mayChange(organisation: organisation.code) else {
            throw Abort(.forbidden, reason: "您的角色不能修改报告文字。")
        }
        try CSRF.verify(request)
        var narrative: [NarrativeSection: String] = [:]
        for section in NarrativeSection.allCases {
            narrative[section] = FormText.clean(try? request.content.get(String.self, at: section.rawValue))
        }
        let version = (try? request.content.get(Int.self, at: "version")) ?? 0
        let tooLong = NarrativeSection.allCases.filter { (narrative[$0]?.count ?? 0) > TextLimits.maximumCharacters }
        guard tooLong.isEmpty else {
            let names = tooLong.map(\.heading).joined(separator: "、")
            return try await page(request, message: "\(names)超过 \(TextLimits.maximumCharacters) 字，未保存；您的文字保留在下面，"
                                      + "请删减后再保存。", status: .unprocessableEntity, typed: narrative)
        }
        do {
            try await YearRepository(database: request.db).updateNarrative(
                narrative, fiscal: fiscal, version: version, subject: "\(organisation.code)/\(fiscal.year)",
                actor: user.auditActor)
        } catch is YearRepository.Stale {
            return try await page(request, message: "报告文字在您打开页面后已被他人修改，下面是最新内容；请重新编辑后保存。",
                                  status: .conflict)
        }
        return try await page(request, message: "已保存。", status: .ok)
    }

    private func load(_ request: Request) async throws -> (StoredOrganisation, StoredYear, DepartmentYear) {
        let user = try request.requireUser()
        guard let code = request.parameters.get("code"), let year = request.parameters.get("year", as: Int.self) else {
            throw Abort(.notFound)
        }
        guard user.maySee(organisation: code) else { throw Abort(.forbidden, reason: "只能查看本部门的数据。") }
        let years = YearRepository(database: request.db)
        guard let organisation = try await years.organisation(code: code),
              let fiscal = try await years.fiscalYear(organisationID: organisation.id, year: year),
              let loaded = try await years.load(code: code, year: year, payments: .dailyTotals) else { throw Abort(.notFound) }
        return (organisation, fiscal, loaded)
    }

    /// The page; with `typed`, the form shows what was posted instead of what is stored.
    private func page(_ request: Request, message: String?, status: HTTPResponseStatus,
                      typed: [NarrativeSection: String]? = nil) async throws -> Response {
        let user = try request.requireUser()
        let (organisation, fiscal, year) = try await load(request)
        let evaluation = Evaluator.evaluate(year)
        let document = ReportBuilder.build(year, evaluation: evaluation,
                                           findings: FindingsEngine.findings(year, evaluation: evaluation))
        let sections = NarrativeSection.allCases.map {
            NarrativeView.Section(section: $0, written: (typed ?? year.narrative)[$0] ?? "", printed: document.text(of: $0))
        }
        return html(NarrativeView.render(code: organisation.code, name: organisation.name, year: fiscal.year,
                                         version: fiscal.version, sections: sections,
                                         mayChange: user.mayChange(organisation: organisation.code),
                                         message: message, user: user, csrf: CSRF.token(for: request)),
                    status: status)
    }
}
