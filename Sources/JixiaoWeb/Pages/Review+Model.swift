import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore

/// What the review page shows: each round's state, grade and return reason, the steps the person may take, the
/// history, and the outcome of the last step.
struct ReviewModel {
    let code: String
    let name: String
    let year: Int
    /// The year as stored, for linking findings to their records.
    let departmentYear: DepartmentYear?
    /// The findings that need action — the cross-checks of self-scores against the records and 文字雷同 among them —
    /// for the reviewer to weigh.
    let findings: [Finding]
    let statuses: [ReviewRound: ReviewRepository.Status]
    let history: [ReviewRepository.Event]
    /// The year's indicators (id, name), for pointing a return's notes at one.
    let indicators: [(id: String, name: String)]
    /// The part the signed-in person takes (nil: reads only).
    let party: ReviewParty?
    let message: String?
    let refusal: ReviewRefusal?

    /// The steps the person may take on a round now.
    func actions(_ round: ReviewRound) -> [ReviewAction] {
        guard let party else { return [] }
        return ReviewMachine.actions(round, in: status(round).state, by: party)
    }

    func status(_ round: ReviewRound) -> ReviewRepository.Status { statuses[round] ?? .drafting }

    /// A return's notes as the API gives them.
    static func json(_ remarks: [ReviewRemark]) -> JSONValue {
        .array(remarks.map { remark in
            .object(["section": .string(remark.section.rawValue),
                     "indicator": remark.indicator.map(JSONValue.string) ?? .null, "note": .string(remark.note)])
        })
    }

    /// The rounds as the API gives them.
    var json: JSONValue {
        .object([
            "rounds": .object(ReviewRound.allCases.map { round in
                let status = status(round)
                return JSONValue.Member(round.rawValue, .object([
                    "state": .string(status.state.rawValue), "stateName": .string(status.state.chinese(in: round)),
                    "grade": status.grade.map { .string($0.rawValue) } ?? .null,
                    "returnReason": .string(status.returnReason),
                    "remarks": Self.json(status.remarks),
                    "actions": .array(actions(round).map { .string($0.rawValue) }),
                ]))
            }),
            "history": .array(history.map { event in
                .object(["round": .string(event.round.rawValue), "action": .string(event.action.rawValue),
                         "from": .string(event.from.rawValue), "to": .string(event.to.rawValue),
                         "actor": .string(event.actor), "role": .string(event.role), "reason": .string(event.reason),
                         "remarks": Self.json(event.remarks),
                         "grade": event.grade.map { .string($0.rawValue) } ?? .null,
                         "at": .string(ISO8601DateFormatter().string(from: event.at))])
            }),
        ])
    }
}
