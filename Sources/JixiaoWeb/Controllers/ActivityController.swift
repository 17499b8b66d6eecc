import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

/// 活动记录 on a page: the list with the year's count and audience, rows added by pasting them from a spreadsheet
/// or uploading a CSV file, rows removed by ticking them — each change checked with the whole year and guarded by
/// the list as it was read.
struct ActivityController: RouteCollection {
    /// The largest paste or CSV accepted.
    static let maximumBytes = 4 * 1_048_576

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.records(code: .parameter, year: .parameter, kind: "activities"), use: show)
        routes.post(.records(code: .parameter, year: .parameter, kind: "activities"),
                    body: .collect(maxSize: ByteCount(value: Self.maximumBytes + 64 * 1024)), use: change)
    }

    struct Form: Content {
        var digest: String?
        /// Rows pasted from a spreadsheet.
        var rows: String?
        /// A CSV file with the same columns.
        var file: File?
        /// Positions of the rows to remove.
        var remove: [Int]?
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: false)
        return try await page(context, request: request)
    }

    @Sendable func change(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        try CSRF.verify(request)
        let form = try request.content.decode(Form.self)
        var adding: [JSONValue] = []
        do {
            if let rows = form.rows, !rows.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                adding += try ActivityRows.parse(rows, source: "粘贴的内容")
            }
            if let file = form.file, file.data.readableBytes > 0 {
                adding += try ActivityRows.parse(file: Data(buffer: file.data), source: file.filename)
            }
            let removing = Set(form.remove ?? [])
            guard !adding.isEmpty || !removing.isEmpty else {
                return try await page(context, request: request, problems: ["请粘贴或上传要添加的活动，或勾选要删除的活动。"],
                                      status: .unprocessableEntity)
            }
            let count = try await RecordListRepository.activities(request.db).change(
                .init(removing: removing, adding: adding), expecting: form.digest ?? "",
                organisation: context.organisation, fiscal: context.fiscal, actor: context.user.auditActor)
            return try await page(context, request: request,
                                  message: "已添加 \(adding.count) 条、删除 \(removing.count) 条，现有活动 \(count) 条。")
        } catch let error as InputError {
            return try await page(context, request: request,
                                  problems: error.chineseLines,
                                  status: .unprocessableEntity, typed: form.rows)
        } catch is RecordListRepository.Stale {
            return try await page(context, request: request,
                                  problems: ["活动记录在您打开页面后已被他人修改，下面是最新内容；请重新操作。"],
                                  status: .conflict, typed: form.rows)
        }
    }

    private func page(_ context: YearContext, request: Request, message: String? = nil, problems: [String] = [],
                      status: HTTPResponseStatus = .ok, typed: String? = nil) async throws -> Response {
        let year = try await request.visibleYear().1
        let digest = try await RecordListRepository.activities(request.db).digest(yearID: context.yearID)
        return html(ActivitiesView.render(ActivitiesModel(year, digest: digest, mayChange: context.mayChange),
                                          typed: typed, message: message, problems: problems, user: context.user,
                                          csrf: CSRF.token(for: request)), status: status)
    }
}
