import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

/// 自评复核 on pages: the bureau's draw and campaign settings (`/review/spot-check`), and a drawn department's
/// re-scores beside its own (`/years/{code}/{year}/recheck`), each with a reason and optionally a file.
struct RecheckController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.spotCheck(year: nil), use: spotCheck)
        routes.post(.spotCheck(year: nil), use: draw)
        routes.post(.reviewCampaign, use: campaign)
        routes.get(.recheck(code: .parameter, year: .parameter), use: show)
        routes.post(.recheck(code: .parameter, year: .parameter),
                    body: .collect(maxSize: ByteCount(value: EvidenceKind.maximumBytes + 64 * 1024)), use: rescore)
        routes.get(.recheckFile(code: .parameter, year: .parameter, item: .parameter), use: file)
    }

    // MARK: The bureau's draw

    struct DrawForm: Content {
        var year: Int?
        var count: Int?
        var method: String?
        var seed: String?
        var measure: String?
    }

    struct CampaignForm: Content {
        var year: Int?
        var targetsDue: String?
        var evaluationDue: String?
        var threshold: String?
        var publishDays: Int?
    }

    @Sendable func spotCheck(_ request: Request) async throws -> Response {
        let user = try request.requireBureau(acting: false, for: "自评复核")
        let year = try await Self.year(request.query[Int.self, at: "year"], on: request.db)
        return html(SpotCheckView.render(try await SpotCheckPage.load(year: year, user: user, on: request.db),
                                         user: user, csrf: CSRF.token(for: request)))
    }

    @Sendable func draw(_ request: Request) async throws -> Response {
        try CSRF.verify(request)
        let user = try request.requireBureau(acting: true, for: "自评复核")
        let form = try request.content.decode(DrawForm.self)
        let year = try await Self.year(form.year, on: request.db)
        do {
            let members = try await Rechecks(database: request.db).draw(
                year: year, count: form.count ?? 0, method: try SpotCheckRequest.method(form.method, seed: form.seed,
                                                                                          measure: form.measure),
                actor: user.auditActor)
            let model = try await SpotCheckPage.load(year: year, user: user, on: request.db,
                                                       message: "抽中 \(members.count) 个部门：" + members.map(\.name).joined(separator: "、"))
            return html(SpotCheckView.render(model, user: user, csrf: CSRF.token(for: request)))
        } catch let refusal as Rechecks.Refusal {
            let model = try await SpotCheckPage.load(year: year, user: user, on: request.db, problems: [refusal.message])
            return html(SpotCheckView.render(model, user: user, csrf: CSRF.token(for: request)), status: .conflict)
        }
    }

    @Sendable func campaign(_ request: Request) async throws -> Response {
        try CSRF.verify(request)
        let user = try request.requireBureau(acting: true, for: "自评复核")
        let form = try request.content.decode(CampaignForm.self)
        let year = try await Self.year(form.year, on: request.db)
        var problems: [String] = []
        let targets = CivilDate(iso: form.targetsDue ?? "")
        let evaluation = CivilDate(iso: form.evaluationDue ?? "")
        if targets == nil { problems.append("目标截止日期须为 YYYY-MM-DD") }
        if evaluation == nil { problems.append("自评截止日期须为 YYYY-MM-DD") }
        let threshold = Rational(decimal: form.threshold ?? "")
        if threshold == nil { problems.append("复核差异阈值须为数字（分）") }
        if problems.isEmpty, let targets, let evaluation {
            do {
                try await ReviewCampaigns(database: request.db).open(
                    year: year, targetsDue: targets, evaluationDue: evaluation, recheckThreshold: threshold,
                    publishDays: form.publishDays, actor: user.auditActor)
            } catch let invalid as ReviewCampaigns.Invalid {
                problems.append(invalid.message)
            }
        }
        let model = try await SpotCheckPage.load(year: year, user: user, on: request.db,
                                                   message: problems.isEmpty ? "\(year) 年的考核安排已保存。" : nil,
                                                   problems: problems)
        return html(SpotCheckView.render(model, user: user, csrf: CSRF.token(for: request)),
                    status: problems.isEmpty ? .ok : .unprocessableEntity)
    }

    /// The year asked for, or the latest held; 404 when the store holds no year at all.
    static func year(_ asked: Int?, on database: StoreDatabase) async throws -> Int {
        if let asked { return asked }
        guard let latest = try await YearRepository(database: database).heldYears().max() else {
            throw Abort(.notFound, reason: "库中还没有任何部门的数据。")
        }
        return latest
    }

    // MARK: A drawn department

    struct RescoreForm: Content {
        var item: String?
        var score: String?
        var reason: String?
        var file: File?
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: false)
        let model = try await RecheckPage.load(context, on: request)
        return html(RecheckView.render(model, user: context.user, csrf: CSRF.token(for: request)))
    }

    @Sendable func rescore(_ request: Request) async throws -> Response {
        try CSRF.verify(request)
        let context = try await YearContext.resolve(request, change: false)
        guard context.user.role == .reviewer else { throw Abort(.forbidden, reason: "复核评分只由财政局审核人进行。") }
        let form = try request.content.decode(RescoreForm.self)
        var problems: [String] = []
        var message: String?
        do {
            let upload = form.file.flatMap { $0.data.readableBytes == 0 ? nil : $0 }
            let file = try upload.map { try RecheckPage.evidence(name: $0.filename, data: Data(buffer: $0.data)) }
            message = try await RecheckPage.rescore(item: form.item ?? "", score: form.score ?? "",
                                                    reason: form.reason ?? "", file: file, context, on: request)
        } catch let invalid as Recheck.Invalid {
            problems = invalid.faults.map(\.message)
        } catch let refusal as Rechecks.Refusal {
            problems = [refusal.message]
        }
        let model = try await RecheckPage.load(context, on: request, message: message, problems: problems)
        return html(RecheckView.render(model, user: context.user, csrf: CSRF.token(for: request)),
                    status: problems.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable func file(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: false)
        guard let item = request.parameters.get("item"),
              let file = try await Rechecks(database: request.db).file(
                organisationID: context.organisation.id, year: context.fiscal.year, item: item) else {
            throw Abort(.notFound, reason: "没有这份复核材料。")
        }
        let type = EvidenceKind.allCases.first { $0.mediaType == file.type }
        return try await Download.response(file.data, type: type.map(Download.mediaType) ?? .binary,
                                           filename: file.name, inline: false, on: request)
    }
}

/// Reading a draw's method from a form or an API body.
enum SpotCheckRequest {
    /// `random` with a decimal seed (a fresh one when empty), or `risk` with a ``SpotCheck/RiskMeasure``; 422
    /// otherwise.
    static func method(_ method: String?, seed: String?, measure: String?) throws -> SpotCheck.Method {
        switch method {
        case "random":
            let text = seed?.trimmingCharacters(in: .whitespaces) ?? ""
            if text.isEmpty { return .random(seed: UInt64.random(in: 1...999_999_999)) }
            guard let seed = UInt64(text) else {
                throw Abort(.unprocessableEntity, reason: "随机种子须为不超过 20 位的非负整数。")
            }
            return .random(seed: seed)
        case "risk":
            guard let measure = measure.flatMap(SpotCheck.RiskMeasure.init(rawValue:)) else {
                throw Abort(.unprocessableEntity, reason: "风险指标须为 "
                    + SpotCheck.RiskMeasure.allCases.map(\.rawValue).joined(separator: "、"))
            }
            return .risk(measure)
        default:
            throw Abort(.unprocessableEntity, reason: "抽取方式须为 random（随机）或 risk（按风险）。")
        }
    }
}
