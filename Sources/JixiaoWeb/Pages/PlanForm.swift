import JixiaoCore
import JixiaoIO
import Vapor

/// A line's monthly payment plan as posted: twelve amounts in yuan (blank = nothing planned), the version read, and
/// what the clerk asked for — save, or fill the months from the budget evenly or by last year's payments.
struct PlanForm {
    /// What a post asks for.
    enum Action: String {
        case save
        /// Fill the months from `from` to December with equal parts of the budget.
        case even
        /// Fill the months with the budget in proportion to last year's payments.
        case lastYear
        /// Fill the months with the payments the work plan's tasks plan from the line.
        case workPlan
    }

    /// The amounts as typed, by month 1…12.
    var months: [Int: String]
    var version: Int?
    var action: Action
    var from: Int

    init(plan: [MonthlyAmount], version: Int?, from: Int = 1) {
        months = Dictionary(uniqueKeysWithValues: plan.map { ($0.month, $0.amount.yuanString) })
        self.version = version
        action = .save
        self.from = from
    }

    /// The form as posted (`month1` … `month12`, `version`, `action`, `from`).
    init(_ request: Request) {
        months = Dictionary(uniqueKeysWithValues: (1...12).map { month in
            (month, (try? request.content.get(String.self, at: "month\(month)")) ?? "")
        })
        version = try? request.content.get(Int.self, at: "version")
        action = (try? request.content.get(String.self, at: "action")).flatMap(Action.init(rawValue:)) ?? .save
        from = (try? request.content.get(Int.self, at: "from")).map { min(max($0, 1), 12) } ?? 1
    }

    /// The plan, or every wrong month at once.
    func validated() -> Result<[MonthlyAmount], FieldErrors> {
        var errors = FieldErrors()
        var plan: [MonthlyAmount] = []
        for month in 1...12 {
            let text = (months[month] ?? "").trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            guard let amount = ClerkFormats.number(text).flatMap({ Money(decimal: $0, unit: .yuan) }), amount >= .zero else {
                errors["month\(month)"] = "“\(text)”不是金额（元，不小于 0，最多两位小数）"
                continue
            }
            if amount > .zero { plan.append(MonthlyAmount(month: month, amount: amount)) }
        }
        return errors.isEmpty ? .success(plan) : .failure(errors)
    }
}
