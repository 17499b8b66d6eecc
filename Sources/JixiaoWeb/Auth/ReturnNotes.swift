import Foundation
import JixiaoCore
import JixiaoStore
import Vapor

/// The notes of a returned round that concern the page being shown: the return's reason on the year's overview, and
/// each note a reviewer pointed at a part of the year (indicators, budget, payments, work plan, progress,
/// narrative) on that part's pages, until the round is handed in again. ``Layout/heading(_:code:name:year:)``
/// shows them.
enum ReturnNotes {
    /// One line of the notice.
    struct Note: Equatable {
        let round: ReviewRound
        let text: String
    }

    @TaskLocal static var current: [Note] = []

    /// The parts of a year a page under `/years/CODE/YEAR/` shows, by the path's next component; nil for the
    /// overview (every note and the reasons).
    static func sections(forPage page: String?) -> Set<ReviewRemark.Section>? {
        switch page {
        case nil: nil
        case "indicators": [.indicators, .progress]
        case "targets", "evaluation": [.indicators]
        case "lines": [.budget]
        case "payments": [.payments]
        case "workplan": [.workPlan]
        case "narrative", "basics": [.narrative]
        case "monitoring": [.progress]
        default: []
        }
    }

    /// The notes for a page showing `sections` (nil: the overview) of a year whose rounds stand as `statuses`.
    static func notes(_ statuses: [ReviewRound: ReviewRepository.Status], sections: Set<ReviewRemark.Section>?,
                      indicatorNames: [String: String]) -> [Note] {
        var notes: [Note] = []
        for round in ReviewRound.allCases {
            guard let status = statuses[round], status.state == .drafting, !status.returnReason.isEmpty else { continue }
            if sections == nil { notes.append(Note(round: round, text: "退回原因：\(status.returnReason)")) }
            for remark in status.remarks where sections?.contains(remark.section) ?? true {
                let part = remark.indicator.map { "指标“\(indicatorNames[$0] ?? $0)”" } ?? remark.section.chinese
                notes.append(Note(round: round, text: "\(part)：\(remark.note)"))
            }
        }
        return notes
    }
}

/// Finds the return notes for a year page (a signed-in GET under `/years/CODE/YEAR`) and makes them the page's
/// ``ReturnNotes/current`` while it is rendered.
struct ReturnNotesMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let parts = request.url.path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        guard request.method == .GET, parts.count >= 3, parts.count <= 4, parts[0] == "years",
              let year = Int(parts[2]), let user = request.currentUser, user.maySee(organisation: parts[1]),
              let sections = Optional(ReturnNotes.sections(forPage: parts.count == 4 ? parts[3] : nil)),
              sections.map({ !$0.isEmpty }) ?? true
        else { return try await next.respond(to: request) }
        let statuses = try await ReviewRepository(database: request.db).statuses(code: parts[1], year: year)
        var names: [String: String] = [:]
        if statuses.values.contains(where: { $0.remarks.contains { $0.indicator != nil } }),
           let loaded = try await YearRepository(database: request.db).loadKept(code: parts[1], year: year) {
            names = Dictionary(loaded.indicators.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        }
        let notes = ReturnNotes.notes(statuses, sections: sections, indicatorNames: names)
        guard !notes.isEmpty else { return try await next.respond(to: request) }
        return try await ReturnNotes.$current.withValue(notes) { try await next.respond(to: request) }
    }
}
