import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

/// 送审与审核: a department-year's two review rounds on a page (`/years/{code}/{year}/review`), each step a form.
struct ReviewController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.review(code: .parameter, year: .parameter), use: show)
        routes.post(.review(code: .parameter, year: .parameter), use: take)
        routes.post(.reviewBatch, use: batch)
    }

    private struct Batch: Content {
        var items: [String]?
        var action: String?
        var grade: String?
    }

    /// The reviewer's queue: one step (开始审核 or 审核通过) on every item ticked; each item succeeds or fails on
    /// its own, and the page lists what became of each.
    @Sendable func batch(_ request: Request) async throws -> Response {
        try CSRF.verify(request)
        let user = try request.requireUser()
        guard user.role.reviewParty == .bureau else { throw Abort(.forbidden, reason: "批量审核只由财政局审核人进行。") }
        let batch = try request.content.decode(Batch.self)
        var results: [(String, String)] = []
        for item in (batch.items ?? []).prefix(500) {
            let parts = item.split(separator: "|").map(String.init)
            guard parts.count == 3, let year = Int(parts[1]),
                  let organisation = try await YearRepository(database: request.db).organisation(code: parts[0]),
                  let fiscal = try await YearRepository(database: request.db)
                    .fiscalYear(organisationID: organisation.id, year: year) else {
                results.append((item, "没有这个部门年度"))
                continue
            }
            let context = ReviewContext(user: user, organisation: organisation, fiscal: fiscal, request: request)
            let label = "\(organisation.name) \(year) 年\(ReviewRound(rawValue: parts[2])?.chinese ?? parts[2])"
            do {
                let state = try await context.step(Form(round: parts[2], action: batch.action, reason: "", grade: batch.grade))
                results.append((label, "→ \(state.chinese(in: ReviewRound(rawValue: parts[2]) ?? .selfEvaluation))"))
            } catch let refusal as ReviewRefusal {
                results.append((label, "未处理：\(refusal.message)"))
            } catch let abort as any AbortError where abort.status == .unprocessableEntity {
                results.append((label, "未处理：\(abort.reason)"))
            }
        }
        return html(BatchResultView.render(results: results, user: user, csrf: CSRF.token(for: request)))
    }

    struct Form: Content {
        var round: String?
        var action: String?
        var reason: String?
        var grade: String?
        /// A return's notes pointed at parts of the year (the API's form).
        var remarks: [Remark]?
        /// The same from a page: each `point` (`budget`, `indicators:ID`, …) with the `note` of the same position.
        var point: [String]?
        var note: [String]?

        init(round: String?, action: String?, reason: String?, grade: String?) {
            self.round = round
            self.action = action
            self.reason = reason
            self.grade = grade
        }
    }

    struct Remark: Content {
        var section: String?
        var indicator: String?
        var note: String?
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let context = try await ReviewContext.resolve(request)
        return html(ReviewView.render(try await context.model(message: nil), user: context.user,
                                      csrf: CSRF.token(for: request)))
    }

    @Sendable func take(_ request: Request) async throws -> Response {
        try CSRF.verify(request)
        let context = try await ReviewContext.resolve(request)
        let form = try request.content.decode(Form.self)
        do {
            let state = try await context.step(form)
            let round = ReviewRound(rawValue: form.round ?? "") ?? .targets
            return html(ReviewView.render(try await context.model(message: "\(round.chinese)：\(state.chinese(in: round))。"),
                                          user: context.user, csrf: CSRF.token(for: request)))
        } catch let refusal as ReviewRefusal {
            return html(ReviewView.render(try await context.model(message: nil, refusal: refusal),
                                          user: context.user, csrf: CSRF.token(for: request)), status: .conflict)
        }
    }
}

/// A department-year's review as the request's user may act on it: shared by the page and the API.
struct ReviewContext {
    let user: CurrentUser
    let organisation: StoredOrganisation
    let fiscal: StoredYear
    let request: Request
    var database: StoreDatabase { request.db }

    /// 404 when there is no such year, 403 when the user may not see it (as every year page resolves it).
    static func resolve(_ request: Request) async throws -> ReviewContext {
        let year = try await YearContext.resolve(request, change: false)
        return ReviewContext(user: year.user, organisation: year.organisation, fiscal: year.fiscal, request: request)
    }

    var repository: ReviewRepository { ReviewRepository(database: database) }

    /// The page's (and the API's) view of both rounds.
    func model(message: String?, refusal: ReviewRefusal? = nil) async throws -> ReviewModel {
        let id = organisation.id
        let year = try await YearRepository(database: database).load(code: organisation.code, year: fiscal.year,
                                                                     payments: .dailyTotals)
        var findings: [Finding] = []
        if let year {
            findings = FindingsEngine.findings(year, evaluation: Evaluator.evaluate(year))
                + (try await request.sharedTextFindings(of: year, for: user))
        }
        return ReviewModel(code: organisation.code, name: organisation.name, year: fiscal.year, departmentYear: year,
                           findings: findings.filter(\.needsAction),
                           statuses: try await repository.statuses(organisationID: id, year: fiscal.year),
                           history: try await repository.history(organisationID: id, year: fiscal.year),
                           indicators: year?.indicators.map { ($0.id, $0.name) } ?? [],
                           party: user.role.reviewParty, message: message, refusal: refusal)
    }

    /// Takes the step a form or API body names; 403 for a role that takes no part, 422 for an unknown round, step
    /// or grade, the machine's ``ReviewRefusal`` otherwise.
    func step(_ form: ReviewController.Form) async throws -> ReviewState {
        guard let party = user.role.reviewParty else {
            throw Abort(.forbidden, reason: "\(user.role.chinese)不参与送审和审核。")
        }
        guard let round = form.round.flatMap(ReviewRound.init(rawValue:)),
              let action = form.action.flatMap(ReviewAction.init(rawValue:)) else {
            throw Abort(.unprocessableEntity, reason: "round 须为 targets 或 selfEvaluation，action 须为 "
                + ReviewAction.allCases.map(\.rawValue).joined(separator: "、"))
        }
        let grade = try form.grade.flatMap { text -> TargetGrade? in
            guard !text.isEmpty else { return nil }
            guard let grade = TargetGrade(rawValue: text) else {
                throw Abort(.unprocessableEntity, reason: "等级须为 优、良、中 或 差。")
            }
            return grade
        }
        let reason = String((form.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            .prefix(TextLimits.maximumCharacters))
        let remarks = try await remarks(form)
        var publication: Publications.Documents?
        if action == .publish {
            // The documents (a PDF through LibreOffice takes seconds) are made only for a step the machine allows
            // from the current state: anyone may ask, and a refusal must be as quick as for any other step. The
            // repository checks again inside its transaction.
            let current = try await repository.statuses(organisationID: organisation.id,
                                                        year: fiscal.year)[round]?.state ?? .drafting
            _ = try ReviewMachine.next(round, from: current, action: action, by: party, reason: reason, grade: grade)
        }
        if action == .publish, let year = try await YearRepository(database: database)
            .load(code: organisation.code, year: fiscal.year) {
            publication = try await Publishing.documents(for: year, organisationID: organisation.id, on: request)
        }
        return try await repository.step(action, round: round, by: party, reason: reason, remarks: remarks, grade: grade,
                                         organisation: organisation, fiscal: fiscal, publication: publication,
                                         actor: user.auditActor)
    }
}

extension ReviewContext {
    /// The notes a form or API body points at parts of the year (rows without a note are left out); 422 for an
    /// unknown part or indicator, or more than 20 notes.
    func remarks(_ form: ReviewController.Form) async throws -> [ReviewRemark] {
        var inputs = form.remarks ?? []
        for (index, point) in (form.point ?? []).enumerated() {
            let parts = point.split(separator: ":", maxSplits: 1).map(String.init)
            inputs.append(.init(section: parts.first, indicator: parts.count > 1 ? parts[1] : nil,
                                note: (form.note ?? []).indices.contains(index) ? form.note?[index] : nil))
        }
        let given = inputs.filter { !($0.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        guard given.count <= 20 else { throw Abort(.unprocessableEntity, reason: "退回意见最多 20 条。") }
        guard !given.isEmpty else { return [] }
        let indicators = Set(try await YearRepository(database: database)
            .load(code: organisation.code, year: fiscal.year, payments: .dailyTotals)?.indicators.map(\.id) ?? [])
        return try given.map { input in
            guard let section = input.section.flatMap(ReviewRemark.Section.init(rawValue:)) else {
                throw Abort(.unprocessableEntity, reason: "退回意见所指的部分须为 "
                    + ReviewRemark.Section.allCases.map(\.rawValue).joined(separator: "、"))
            }
            let indicator = input.indicator.flatMap { $0.isEmpty ? nil : $0 }
            if let indicator, section == .indicators, !indicators.contains(indicator) {
                throw Abort(.unprocessableEntity, reason: "没有指标“\(indicator)”。")
            }
            return ReviewRemark(section: section, indicator: indicator,
                                note: String((input.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                                    .prefix(TextLimits.maximumCharacters)))
        }
    }
}

extension Role {
    /// The part this role takes in the review rounds, if any.
    var reviewParty: ReviewParty? {
        switch self {
        case .preparer: .preparer
        case .head: .head
        case .reviewer: .bureau
        case .auditor, .admin, .securityAdmin, .auditAdmin: nil
        }
    }
}

extension ReviewRefusal: AbortError {
    /// A step the state does not allow, or a change a round in review holds: 409 with the reason (and the faults).
    public var status: HTTPResponseStatus { .conflict }
    public var reason: String { description }
}
