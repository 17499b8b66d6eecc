import JixiaoCore
import JixiaoIO
import JixiaoStore

/// 待办: what waits for the signed-in person in the review rounds — for a preparer the rounds to hand in (returned
/// ones with their reasons first), for a head the submissions to approve, for the bureau's reviewer the queue of
/// every department handed in, filterable, with overdue rounds marked.
struct TodoModel {
    struct Item: Equatable {
        let code: String
        let name: String
        let year: Int
        let round: ReviewRound
        let status: ReviewRepository.Status
        /// The grade: the bureau's grade of approved targets, the evaluation's grade of a self-evaluation.
        let grade: String
        /// When the round is due: handing in (drafting, submitted) by the campaign's date, publishing an approved
        /// self-evaluation within the campaign's period after approval.
        let due: CivilDate?
        let overdue: Bool
        /// The steps the person may take on it (for the reviewer's batch form).
        let actions: [ReviewAction]

        /// The item's line, in words.
        var text: String {
            var text = "\(name) \(year) 年\(round.chinese)：\(status.state.chinese(in: round))"
            if !status.returnReason.isEmpty { text += "（已退回：\(status.returnReason)）" }
            if let due {
                let what = status.state == .approved && round == .selfEvaluation ? "公开" : ""
                text += overdue ? "，\(what)已逾期（截止 \(due.chinese)）" : "，\(what)截止 \(due.chinese)"
            }
            return text
        }

        /// The value a batch form carries for it.
        var key: String { "\(code)|\(year)|\(round.rawValue)" }
    }

    let items: [Item]
    /// Requests to change approved targets that wait for this person (head: submitted; bureau: approved by the
    /// department; preparer: returned).
    var adjustments: [(code: String, name: String, year: Int, request: TargetAdjustments.Request)] = []
    /// The reviewer's filters, as chosen.
    let round: ReviewRound?
    let state: ReviewState?
    let grade: String?
    let overdueOnly: Bool

    /// The grades the reviewer may filter by.
    static let grades = ["优", "良", "中", "差"]

    /// The to-do of `party` over the department-years `years` (code, name, year, evaluation grade) the person may
    /// see.
    static func make(party: ReviewParty?, years: [(code: String, name: String, year: Int, grade: String)],
                     rounds: [ReviewCampaigns.Entry], campaigns: [Int: ReviewCampaigns.Campaign], today: CivilDate,
                     round: ReviewRound? = nil, state: ReviewState? = nil, grade: String? = nil,
                     overdueOnly: Bool = false) -> TodoModel {
        guard let party else {
            return TodoModel(items: [], round: round, state: state, grade: grade, overdueOnly: overdueOnly)
        }
        let stored = Dictionary(rounds.map { ("\($0.code)|\($0.year)|\($0.round.rawValue)", $0.status) },
                                uniquingKeysWith: { first, _ in first })
        var items: [Item] = []
        for year in years {
            for kind in ReviewRound.allCases {
                let status = stored["\(year.code)|\(year.year)|\(kind.rawValue)"] ?? .drafting
                let waiting: Bool = switch party {
                case .preparer: status.state == .drafting
                case .head: status.state == .submitted
                case .bureau: [.departmentApproved, .underReview, .approved].contains(status.state)
                }
                guard waiting, round == nil || round == kind, state == nil || state == status.state else { continue }
                let itemGrade = kind == .targets ? status.grade?.rawValue ?? "" : year.grade
                guard grade == nil || grade == itemGrade else { continue }
                let campaign = campaigns[year.year]
                var due: CivilDate?
                if [.drafting, .submitted].contains(status.state) {
                    due = campaign?.due(kind)
                } else if kind == .selfEvaluation, status.state == .approved, let approved = status.updatedAt {
                    let days = campaign?.publishDays ?? ReviewCampaigns.Campaign.defaultPublishDays
                    due = CivilDate(dayNumber: ChinaClock.date(of: approved).dayNumber + days)
                }
                // Overdue: past the date to hand in, or to publish.
                let overdue = due.map { today > $0 } == true
                if overdueOnly && !overdue { continue }
                // A preparer's untouched rounds without a campaign are not yet asked for.
                if party == .preparer, status.returnReason.isEmpty, due == nil { continue }
                items.append(Item(code: year.code, name: year.name, year: year.year, round: kind, status: status,
                                  grade: itemGrade, due: due, overdue: overdue,
                                  actions: ReviewMachine.actions(kind, in: status.state, by: party)))
            }
        }
        items.sort { ($0.overdue ? 0 : 1, $0.status.returnReason.isEmpty ? 1 : 0, $0.code, $0.year)
            < ($1.overdue ? 0 : 1, $1.status.returnReason.isEmpty ? 1 : 0, $1.code, $1.year) }
        return TodoModel(items: items, round: round, state: state, grade: grade, overdueOnly: overdueOnly)
    }
}

extension TodoModel {
    /// The states of a target adjustment request that wait for `party`.
    static func waiting(_ party: ReviewParty) -> Set<TargetAdjustment.State> {
        switch party {
        case .preparer: []
        case .head: [.submitted]
        case .bureau: [.departmentApproved]
        }
    }
}
