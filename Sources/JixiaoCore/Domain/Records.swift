/// An activity held during the year (a lecture, an exhibition, a campaign): the outputs indicators count.
public struct Activity: Sendable, Hashable {
    public var date: CivilDate
    public var title: String
    public var kind: String
    /// Numeric fields such as `audience`, by name.
    public var quantities: [String: Rational]

    public init(date: CivilDate, title: String, kind: String, quantities: [String: Rational] = [:]) {
        self.date = date
        self.title = title
        self.kind = kind
        self.quantities = quantities
    }

    /// The audience (受众人次), when recorded.
    public var audience: Rational? { quantities["audience"] }

    /// The value of a text field usable in a measure's filter.
    public func text(_ field: String) -> String? {
        switch field {
        case "kind": kind
        case "title": title
        default: nil
        }
    }
}

/// A government procurement with the dates its deadlines are checked against.
public struct Procurement: Sendable, Hashable {
    public var name: String
    public var line: String?
    public var amount: Money
    /// 采购意向公开日期.
    public var intentPublished: CivilDate?
    /// 采购活动开始日期.
    public var started: CivilDate?
    /// 中标（成交）通知日期.
    public var awarded: CivilDate?
    public var contractSigned: CivilDate?
    public var contractPublished: CivilDate?
    /// 合同备案日期.
    public var contractFiled: CivilDate?

    public init(name: String, line: String? = nil, amount: Money, intentPublished: CivilDate? = nil,
                started: CivilDate? = nil, awarded: CivilDate? = nil, contractSigned: CivilDate? = nil,
                contractPublished: CivilDate? = nil, contractFiled: CivilDate? = nil) {
        self.name = name
        self.line = line
        self.amount = amount
        self.intentPublished = intentPublished
        self.started = started
        self.awarded = awarded
        self.contractSigned = contractSigned
        self.contractPublished = contractPublished
        self.contractFiled = contractFiled
    }
}

/// The balance-sheet assets at a date.
public struct Assets: Sendable, Hashable {
    public var asOf: CivilDate
    /// 流动资产.
    public var current: Money
    /// 非流动资产.
    public var nonCurrent: Money
    /// 资产总额 as declared, when the bundle states it; checked against the parts.
    public var declaredTotal: Money?

    public init(asOf: CivilDate, current: Money, nonCurrent: Money, declaredTotal: Money? = nil) {
        self.asOf = asOf
        self.current = current
        self.nonCurrent = nonCurrent
        self.declaredTotal = declaredTotal
    }

    /// 资产总额 computed from its parts.
    public var total: Money { current + nonCurrent }

    /// An amount of these assets in words: in 万元 with two decimals, or in 元 when the declared total misses its
    /// parts by less than 0.01 万元 (in 万元 both would print alike and the mismatch could not be seen).
    public func figure(_ amount: Money) -> String {
        let gap = declaredTotal.map { $0 > total ? $0 - total : total - $0 } ?? .zero
        return gap > .zero && gap < Money(fen: 10_000) ? "\(amount.yuanString) 元" : "\(amount.wanString) 万元"
    }
}
