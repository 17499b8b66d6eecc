/// The four procurement deadlines, each checked from the dates a procurement has: kept, broken, or not reached yet.
/// The findings and the procurement page both read them, so a deadline is judged in one place.
public enum ProcurementDeadlines {
    /// A step of a procurement with a deadline.
    public enum Step: String, Sendable, CaseIterable {
        /// The intention is published at least N days before procurement starts.
        case intent
        /// The contract is signed within N days of the award.
        case signing
        /// The contract is published within N working days of signing.
        case publication
        /// The contract is filed within N working days of signing.
        case filing

        public var chinese: String {
            switch self {
            case .intent: "采购意向公开"
            case .signing: "合同签订"
            case .publication: "合同公告"
            case .filing: "合同备案"
            }
        }

        /// The names of the interval's opening and closing dates, e.g. (`合同签订`, `合同公告`).
        public var dates: (opening: String, closing: String) {
            switch self {
            case .intent: ("采购意向公开", "采购活动开始")
            case .signing: ("成交通知", "合同签订")
            case .publication: ("合同签订", "合同公告")
            case .filing: ("合同签订", "合同备案")
            }
        }

        /// The bundle field of the date that closes the step's interval (the one a clerk is checked on).
        public var closingField: String {
            switch self {
            case .intent: "started"
            case .signing: "contractSigned"
            case .publication: "contractPublished"
            case .filing: "contractFiled"
            }
        }

        /// The rule in words, e.g. `应在成交后 30 天内`.
        public func rule(limit: Int) -> String {
            switch self {
            case .intent: "意向应至少提前 \(limit) 天公开"
            case .signing: "应在成交后 \(limit) 天内"
            case .publication: "应在签订后 \(limit) 个工作日内"
            case .filing: "应在签订后 \(limit) 个工作日内"
            }
        }
    }

    /// One step's outcome.
    public struct Check: Sendable, Hashable {
        public enum Status: Sendable, Hashable {
            case kept
            case broken
            /// The closing date is before the opening one (a contract published before it was signed): a wrong
            /// date, not a deadline kept.
            case reversed
            /// A date the check needs is not recorded yet.
            case open
        }

        public let step: Step
        public let status: Status
        /// The dates the interval runs between.
        public let from: CivilDate?
        public let to: CivilDate?
        /// Days (intent, signing) or working days (publication, filing) between them.
        public let elapsed: Int?
        public let limit: Int
        /// Years the working days were counted Monday to Friday because the calendar does not cover them.
        public let uncoveredYears: [Int]

        /// The unit `elapsed` and `limit` are counted in.
        public var unit: String { step == .publication || step == .filing ? "个工作日" : "天" }
    }

    /// The checks of a procurement, working days counted by `calendar` (the year's official one).
    public static func check(_ procurement: Procurement, calendar: WorkCalendar,
                             thresholds: FindingThresholds) -> [Check] {
        func make(_ step: Step, _ from: CivilDate?, _ to: CivilDate?, limit: Int,
                  measure: (CivilDate, CivilDate) -> WorkCalendar.Count, kept: (Int) -> Bool) -> Check {
            guard let from, let to else {
                return Check(step: step, status: .open, from: from, to: to, elapsed: nil, limit: limit,
                             uncoveredYears: [])
            }
            guard from <= to else {
                return Check(step: step, status: .reversed, from: from, to: to, elapsed: nil, limit: limit,
                             uncoveredYears: [])
            }
            let elapsed = measure(from, to)
            return Check(step: step, status: kept(elapsed.days) ? .kept : .broken, from: from, to: to,
                         elapsed: elapsed.days, limit: limit, uncoveredYears: elapsed.uncoveredYears)
        }
        let days: (CivilDate, CivilDate) -> WorkCalendar.Count = { WorkCalendar.Count(days: $0.days(to: $1), uncoveredYears: []) }
        let workingDays: (CivilDate, CivilDate) -> WorkCalendar.Count = { calendar.workingDays(after: $0, through: $1) }
        return [
            make(.intent, procurement.intentPublished, procurement.started, limit: thresholds.intentLeadDays,
                 measure: days) { $0 >= thresholds.intentLeadDays },
            make(.signing, procurement.awarded, procurement.contractSigned, limit: thresholds.signingDays,
                 measure: days) { $0 <= thresholds.signingDays },
            make(.publication, procurement.contractSigned, procurement.contractPublished,
                 limit: thresholds.publicationWorkingDays, measure: workingDays) {
                $0 <= thresholds.publicationWorkingDays
            },
            make(.filing, procurement.contractSigned, procurement.contractFiled, limit: thresholds.filingWorkingDays,
                 measure: workingDays) { $0 <= thresholds.filingWorkingDays },
        ]
    }
}
