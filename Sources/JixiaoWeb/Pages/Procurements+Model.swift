import JixiaoCore

/// 采购: each procurement with its deadline checks in words, the forms' values, and what a form's dates are checked
/// against (the year's lines and official calendar); the digest of the list a change must carry.
struct ProcurementsModel {
    /// A deadline check as the page words it, with the class that colours it.
    struct Deadline: Equatable {
        let text: String
        let cssClass: String
    }

    struct Entry {
        /// Position in the list as read: what a change names.
        let index: Int
        let heading: String
        let checks: [Deadline]
        let form: ProcurementForm
    }

    let code: String
    let name: String
    let year: Int
    let lines: [(code: String, name: String)]
    let entries: [Entry]
    let digest: String
    let mayChange: Bool
    private let calendar: WorkCalendar
    private let checks: FindingThresholds

    init(_ year: DepartmentYear, digest: String, mayChange: Bool) {
        code = year.department.code
        name = year.department.name
        self.year = year.year
        lines = year.budgetLines.map { ($0.code, $0.name) }
        calendar = year.workCalendar
        checks = year.checks
        entries = year.procurements.enumerated().map { index, procurement in
            Entry(index: index, heading: "\(procurement.name)（\(procurement.amount.wanString) 万元）",
                  checks: ProcurementDeadlines.check(procurement, calendar: year.workCalendar, thresholds: year.checks).map { check in
                      let deadline = Self.deadline(check)
                      return Deadline(text: "\(check.step.chinese)：\(deadline.text)", cssClass: deadline.cssClass)
                  },
                  form: ProcurementForm(procurement))
        }
        self.digest = digest
        self.mayChange = mayChange
    }

    /// The check beside each date of a form as typed, by the date field that closes it: kept or broken with its
    /// span, or the rule while a date is missing.
    func deadlines(of form: ProcurementForm) -> [String: Deadline] {
        var result: [String: Deadline] = [:]
        for check in ProcurementDeadlines.check(form.datesAsTyped, calendar: calendar, thresholds: checks) {
            result[check.step.closingField] = check.status == .open
                ? Deadline(text: check.step.rule(limit: check.limit), cssClass: "basis") : Self.deadline(check)
        }
        return result
    }

    /// How a deadline's check reads: kept, broken or open, with its dates and the limit.
    static func deadline(_ check: ProcurementDeadlines.Check) -> Deadline {
        let span = "\(check.from?.description ?? "—") → \(check.to?.description ?? "—")"
        switch check.status {
        case .kept:
            let text = check.step == .intent ? "提前 \(check.elapsed ?? 0) 天（不少于 \(check.limit) 天）"
                : "\(check.elapsed ?? 0) \(check.unit)（不超过 \(check.limit) \(check.unit)）"
            return Deadline(text: "✓ \(span)，\(text)", cssClass: "ok")
        case .broken:
            let text = check.step == .intent ? "仅提前 \(check.elapsed ?? 0) 天，不足 \(check.limit) 天"
                : "用时 \(check.elapsed ?? 0) \(check.unit)，超过 \(check.limit) \(check.unit)"
            return Deadline(text: "✗ \(span)，\(text)", cssClass: "severity-high")
        case .reversed:
            return Deadline(text: "✗ \(span)，\(check.step.dates.closing)早于\(check.step.dates.opening)，日期有误",
                            cssClass: "severity-high")
        case .open:
            return Deadline(text: "尚无日期（\(span)）", cssClass: "severity-low")
        }
    }
}
