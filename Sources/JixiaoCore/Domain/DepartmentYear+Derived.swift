extension DepartmentYear {
    /// The payments of one budget line.
    public func payments(ofLine code: String) -> [Payment] { payments.filter { $0.line == code } }

    /// A line's 全年执行数: the declared figure, else the sum of its payments.
    public func executed(_ line: BudgetLine) -> Money {
        line.declaredExecuted ?? payments(ofLine: line.code).map(\.amount).sum()
    }

    /// Executed amounts by line code, computed in one pass over the payments.
    public func executedByLine() -> [String: Money] {
        var paid: [String: Money] = [:]
        for payment in payments { paid[payment.line, default: .zero] += payment.amount }
        var result: [String: Money] = [:]
        for line in budgetLines { result[line.code] = line.declaredExecuted ?? paid[line.code] ?? .zero }
        return result
    }

    /// Totals over all lines.
    public func budgetTotals() -> BudgetTotals {
        let executed = executedByLine()
        return BudgetTotals(initial: budgetLines.map(\.initial).sum(),
                            adjusted: budgetLines.map(\.adjusted).sum(),
                            executed: budgetLines.map { executed[$0.code] ?? .zero }.sum())
    }
}

/// The year's budget figures summed over lines.
public struct BudgetTotals: Sendable, Hashable {
    /// 年初预算数.
    public var initial: Money
    /// 全年预算数.
    public var adjusted: Money
    /// 全年执行数.
    public var executed: Money

    public init(initial: Money, adjusted: Money, executed: Money) {
        self.initial = initial
        self.adjusted = adjusted
        self.executed = executed
    }
}

extension DepartmentYear {
    /// What the work plan's tasks plan to pay from a line, by month.
    public func workPlanPayments(ofLine code: String) -> [MonthlyAmount] {
        var byMonth: [Int: Money] = [:]
        for payment in workPlan.flatMap(\.plannedPayments) where payment.line == code {
            byMonth[payment.month, default: .zero] += payment.amount
        }
        return byMonth.sorted { $0.key < $1.key }.map { MonthlyAmount(month: $0.key, amount: $0.value) }
    }

    /// The year with last year's payments by month given to each line that has none of its own, matched by code.
    public func fillingLastYear(_ profile: [String: [MonthlyAmount]]) -> DepartmentYear {
        var year = self
        for index in year.budgetLines.indices where year.budgetLines[index].lastYear.isEmpty {
            year.budgetLines[index].lastYear = profile[year.budgetLines[index].code] ?? []
        }
        return year
    }
}
