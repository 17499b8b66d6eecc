/// A budget line (预算项目): basic expenditure or a project, with its amounts and monthly payment plan.
public struct BudgetLine: Sendable, Hashable {
    /// 基本支出 or 项目支出.
    public enum Kind: String, Sendable, CaseIterable {
        case basic
        case project

        /// The Chinese name used in documents.
        public var chinese: String { self == .basic ? "基本支出" : "项目支出" }
    }

    /// Where a line's money comes from (资金来源), as the project table splits 年度资金总额.
    public enum FundingSource: String, Sendable, CaseIterable {
        /// 财政拨款.
        case fiscal
        /// 上年结转.
        case carryover
        /// 其他资金.
        case other

        public var chinese: String {
            switch self {
            case .fiscal: "财政拨款"
            case .carryover: "上年结转"
            case .other: "其他资金"
            }
        }
    }

    public var code: String
    public var name: String
    public var kind: Kind
    /// 资金来源; nil reads as 财政拨款 (the bundle leaves it out for most lines).
    public var source: FundingSource?
    /// 年初预算数.
    public var initial: Money
    /// 全年预算数 (adjusted), the basis of the execution rate.
    public var adjusted: Money
    /// 全年执行数 as declared; nil means "the sum of this line's payments".
    public var declaredExecuted: Money?
    /// Planned payments by month.
    public var plan: [MonthlyAmount]
    /// Last year's payments of the line by month: the profile the forecast follows when there is no plan.
    public var lastYear: [MonthlyAmount]

    public init(code: String, name: String, kind: Kind, source: FundingSource? = nil, initial: Money, adjusted: Money,
                declaredExecuted: Money? = nil, plan: [MonthlyAmount] = [], lastYear: [MonthlyAmount] = []) {
        self.code = code
        self.name = name
        self.kind = kind
        self.source = source
        self.initial = initial
        self.adjusted = adjusted
        self.declaredExecuted = declaredExecuted
        self.plan = plan
        self.lastYear = lastYear
    }
}

/// An amount planned for one month of the year.
public struct MonthlyAmount: Sendable, Hashable {
    public var month: Int
    public var amount: Money

    public init(month: Int, amount: Money) {
        self.month = month
        self.amount = amount
    }
}

/// A payment (支付明细) against a budget line.
public struct Payment: Sendable, Hashable {
    /// The code of the budget line paid from.
    public var line: String
    public var date: CivilDate
    public var amount: Money
    public var payee: String
    public var voucher: String
    /// 摘要: what the payment was for.
    public var memo: String
    /// How many payments the entry stands for: 1 for a payment as its voucher records it; the store reads a year
    /// for evaluation as each line's total of each day (``Payment/dailyTotal(line:date:amount:count:)``), which
    /// stands for all that line's payments of the day and names no payee.
    public var count: Int

    public init(line: String, date: CivilDate, amount: Money, payee: String = "", voucher: String = "",
                memo: String = "") {
        self.line = line
        self.date = date
        self.amount = amount
        self.payee = payee
        self.voucher = voucher
        self.memo = memo
        self.count = 1
    }

    /// The total of `count` payments from one line on one day: everything evaluation, findings and monitoring read
    /// of payments (they sum amounts by line, day and month and count payments), without payees or vouchers.
    public static func dailyTotal(line: String, date: CivilDate, amount: Money, count: Int) -> Payment {
        var total = Payment(line: line, date: date, amount: amount)
        total.count = count
        return total
    }
}
