import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

/// 基本情况 on a page: the department's overview, the year's key tasks (one a line) and its overall goal, saved with
/// a version check, checked with the whole year and audited.
struct BasicsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.basics(code: .parameter, year: .parameter), use: show)
        routes.post(.basics(code: .parameter, year: .parameter),
                    body: .collect(maxSize: ByteCount(value: TextLimits.formBytes(fields: 3))), use: save)
    }

    struct Form: Content {
        var overview: String?
        var tasks: String?
        var goal: String?
        var version: Int?

        /// The basics as posted: texts cleaned, one key task a line, blank lines left out.
        var basics: YearRepository.Basics {
            YearRepository.Basics(overview: FormText.clean(overview),
                                  tasks: FormText.clean(tasks).split(whereSeparator: \.isNewline)
                                      .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
                                  goal: FormText.clean(goal))
        }
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: false)
        let year = try await request.visibleYear().1
        return page(context, basics: .init(overview: year.department.overview, tasks: year.tasks, goal: year.goal),
                    message: nil, problems: [], request: request)
    }

    @Sendable func save(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        try CSRF.verify(request)
        let form = try request.content.decode(Form.self)
        let basics = form.basics
        let long = [basics.overview, basics.goal, basics.tasks.joined(separator: "\n")]
            .contains { $0.count > TextLimits.maximumCharacters }
        guard !long else {
            return page(context, basics: basics, message: nil,
                        problems: ["每一项不能超过 \(TextLimits.maximumCharacters) 字；您的文字保留在下面，请删减后再保存。"],
                        request: request, status: .unprocessableEntity)
        }
        do {
            try await YearRepository(database: request.db).updateBasics(
                basics, organisation: context.organisation, fiscal: context.fiscal, version: form.version ?? 0,
                actor: context.user.auditActor)
        } catch is YearRepository.Stale {
            let year = try await request.visibleYear().1
            return page(context, basics: .init(overview: year.department.overview, tasks: year.tasks, goal: year.goal),
                        message: nil, problems: ["基本情况在您打开页面后已被他人修改，下面是最新内容；请重新编辑后保存。"],
                        request: request, status: .conflict, version: context.fiscal.version)
        } catch let error as InputError {
            return page(context, basics: basics, message: nil,
                        problems: error.chineseLines,
                        request: request, status: .unprocessableEntity)
        }
        return request.redirect(to: SiteURL.basics(code: context.organisation.code, year: context.fiscal.year).path
            + "?saved=1")
    }

    private func page(_ context: YearContext, basics: YearRepository.Basics, message: String?, problems: [String],
                      request: Request, status: HTTPResponseStatus = .ok, version: Int? = nil) -> Response {
        let saved = (try? request.query.get(String.self, at: "saved")) == "1"
        let model = BasicsModel(code: context.organisation.code, name: context.organisation.name,
                                year: context.fiscal.year, version: version ?? context.fiscal.version, basics: basics,
                                mayChange: context.mayChange)
        return html(BasicsView.render(model, message: message ?? (saved ? "已保存。" : nil), problems: problems,
                                      user: context.user, csrf: CSRF.token(for: request)), status: status)
    }
}
