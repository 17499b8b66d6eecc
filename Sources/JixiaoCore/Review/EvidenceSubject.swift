/// What a piece of evidence (佐证材料) backs: an indicator, an activity, a procurement step or a work-plan task of
/// the year, named by a key that survives a re-import of the same records (`indicator:i1`,
/// `activity:2022-03-05|科普讲座`, `procurement:科普大篷车展品更新`, `task:t3`).
public struct EvidenceSubject: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case indicator
        case activity
        case procurement
        case task

        public var chinese: String {
            switch self {
            case .indicator: "绩效指标"
            case .activity: "活动"
            case .procurement: "采购"
            case .task: "工作任务"
            }
        }
    }

    public var kind: Kind
    /// The record's own key within its kind.
    public var key: String
    /// How the pages name the record.
    public var label: String

    /// `kind:key`, as stored.
    public var storedKey: String { "\(kind.rawValue):\(key)" }

    /// An indicator as a subject.
    public static func indicator(_ indicator: Indicator) -> EvidenceSubject {
        EvidenceSubject(kind: .indicator, key: indicator.id, label: "\(indicator.id) \(indicator.name)")
    }

    /// An activity record as a subject.
    public static func activity(_ activity: Activity) -> EvidenceSubject {
        EvidenceSubject(kind: .activity, key: "\(activity.date)|\(activity.title)", label: "\(activity.date) \(activity.title)")
    }

    /// Every record of `year` evidence may be attached to, in the order of the year's pages.
    public static func all(in year: DepartmentYear) -> [EvidenceSubject] {
        year.indicators.map(indicator) + year.activities.map(activity)
            + year.procurements.map { EvidenceSubject(kind: .procurement, key: $0.name, label: $0.name) }
            + year.workPlan.map { EvidenceSubject(kind: .task, key: $0.id, label: "\($0.id) \($0.title)") }
    }

    /// How a stored key reads among `subjects`: the record's kind and label (`绩效指标：i1 举办科普活动场次`), or
    /// the key itself for a record the year no longer has.
    public static func label(of storedKey: String, in subjects: [EvidenceSubject]) -> String {
        subjects.first { $0.storedKey == storedKey }.map { "\($0.kind.chinese)：\($0.label)" } ?? storedKey
    }

    /// The subject of `year` stored as `storedKey`, or nil when the year no longer has that record.
    public static func find(_ storedKey: String, in year: DepartmentYear) -> EvidenceSubject? {
        all(in: year).first { $0.storedKey == storedKey }
    }
}
