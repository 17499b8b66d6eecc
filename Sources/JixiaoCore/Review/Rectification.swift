/// 整改: a finding made into an item someone must fix by a date — with who owns it, how far it has come, and
/// whether it is late — followed into the next year's monitoring until it is done.
public struct Rectification: Sendable, Hashable {
    /// How far an item has come.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case open
        case inProgress
        case done

        public var chinese: String {
            switch self {
            case .open: "未整改"
            case .inProgress: "整改中"
            case .done: "已整改"
            }
        }
    }

    /// The finding's code, e.g. `EXECUTION_LOW`.
    public var findingCode: String
    /// The bundle path the finding names, when it names one.
    public var subject: String?
    /// The problem as the finding words it.
    public var problem: String
    /// What is to be done (the finding's suggested measure, unless the owner wrote another).
    public var measure: String
    /// 责任人或责任处室.
    public var owner: String
    public var deadline: CivilDate
    public var status: Status
    /// What has been done so far, in the owner's words.
    public var progress: String

    public init(findingCode: String, subject: String?, problem: String, measure: String, owner: String,
                deadline: CivilDate, status: Status = .open, progress: String = "") {
        self.findingCode = findingCode
        self.subject = subject
        self.problem = problem
        self.measure = measure
        self.owner = owner
        self.deadline = deadline
        self.status = status
        self.progress = progress
    }

    /// An item made from a finding: its problem and measure, to be fixed by `owner` by `deadline`.
    public init(_ finding: Finding, owner: String, deadline: CivilDate) {
        self.init(findingCode: finding.code, subject: finding.subject, problem: finding.message,
                  measure: finding.measure, owner: owner, deadline: deadline)
    }

    /// Not done and past its deadline on `date`.
    public func isOverdue(on date: CivilDate) -> Bool { status != .done && date > deadline }

    /// Why an item cannot be kept as written: each fault with its field.
    public var faults: [(field: String, message: String)] {
        var faults: [(String, String)] = []
        if owner.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { faults.append(("owner", "请填写责任人或责任处室")) }
        if status == .done, progress.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            faults.append(("progress", "已整改的事项请写明整改结果"))
        }
        return faults
    }
}
