import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore

/// What the targets page shows: the current targets, the requests to change them with the steps the person may
/// take, and every target's history.
struct TargetsModel {
    let code: String
    let name: String
    let year: Int
    let indicators: [Indicator]
    let states: [ReviewRound: ReviewState]
    let party: ReviewParty?
    let requests: [TargetAdjustments.Request]
    let history: [TargetAdjustments.HistoryEntry]
    var message: String?
    var problems: [String] = []
    /// The request form as last sent, to show again with its problems.
    var form: TargetsController.RequestForm?

    var targetsState: ReviewState { states[.targets] ?? .drafting }

    /// Whether the person may ask for an adjustment now.
    var mayRequest: Bool {
        party == .preparer && targetsState == .approved && !ReviewMachine.locks(states[.selfEvaluation] ?? .drafting)
    }

    /// The steps the person may take on a request.
    func actions(_ request: TargetAdjustments.Request) -> [ReviewAction] {
        party.map { TargetAdjustment.actions(in: request.state, by: $0) } ?? []
    }

    /// The page as the API gives it.
    var json: JSONValue {
        func target(_ value: TargetAdjustment.Target) -> JSONValue {
            .object(["target": .string(value.target), "unit": .string(value.unit),
                     "direction": .string(value.direction.rawValue), "weight": .string(value.weight.description)])
        }
        let stamp = ISO8601DateFormatter()
        return .object([
            "targetsState": .string(targetsState.rawValue),
            "mayRequest": .bool(mayRequest),
            "requests": .array(requests.map { request in
                .object(["number": .number(String(request.number)), "indicator": .string(request.indicatorID),
                         "indicatorName": .string(request.indicatorName), "before": target(request.before),
                         "after": target(request.after), "reason": .string(request.reason),
                         "state": .string(request.state.rawValue), "returnReason": .string(request.returnReason),
                         "requestedBy": .string(request.requestedBy),
                         "requestedAt": .string(stamp.string(from: request.requestedAt)),
                         "actions": .array(actions(request).map { .string($0.rawValue) })])
            }),
            "history": .array(history.map { entry in
                .object(["indicator": .string(entry.indicatorID), "indicatorName": .string(entry.indicatorName),
                         "event": .string(entry.event.rawValue), "target": target(entry.target),
                         "reason": .string(entry.reason), "actor": .string(entry.actor),
                         "at": .string(stamp.string(from: entry.at))])
            }),
        ])
    }
}
