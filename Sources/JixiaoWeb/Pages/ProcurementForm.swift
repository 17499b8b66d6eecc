import JixiaoCore
import JixiaoIO
import Vapor

/// A procurement as posted (amount in 元, dates as clerks write them), turned into a bundle `procurements` entry in
/// the year's money unit for the bundle reader; a value that does not read is passed on as typed for the reader to
/// refuse by name.
struct ProcurementForm: Content {
    /// The row's position in the list as read; empty for a new procurement.
    var index: Int?
    var digest: String?
    /// `save` or `delete`.
    var action: String?
    var name: String?
    var line: String?
    var amount: String?
    var intentPublished: String?
    var started: String?
    var awarded: String?
    var contractSigned: String?
    var contractPublished: String?
    var contractFiled: String?

    /// The date fields with their labels, in the order of the procedure.
    static let dates: [(key: String, label: String)] = [
        ("intentPublished", "采购意向公开日期"), ("started", "采购活动开始日期"), ("awarded", "中标（成交）通知日期"),
        ("contractSigned", "合同签订日期"), ("contractPublished", "合同公告日期"), ("contractFiled", "合同备案日期"),
    ]

    /// A date field's value.
    func date(_ key: String) -> String? {
        switch key {
        case "intentPublished": intentPublished
        case "started": started
        case "awarded": awarded
        case "contractSigned": contractSigned
        case "contractPublished": contractPublished
        default: contractFiled
        }
    }

    /// The procurement as far as its dates read, for checking its deadlines beside the dates as typed.
    var datesAsTyped: Procurement {
        func day(_ key: String) -> CivilDate? { ClerkFormats.date(FormText.clean(date(key))) }
        return Procurement(name: FormText.clean(name), amount: .zero, intentPublished: day("intentPublished"),
                           started: day("started"), awarded: day("awarded"), contractSigned: day("contractSigned"),
                           contractPublished: day("contractPublished"), contractFiled: day("contractFiled"))
    }

    /// The entry in the year's money unit.
    func entry(unit: Money.Unit) -> JSONValue {
        let text = FormText.clean
        var members: [JSONValue.Member] = [.init("name", .string(text(name)))]
        if !text(line).isEmpty { members.append(.init("line", .string(text(line)))) }
        let typed = text(amount)
        let amount = ClerkFormats.number(typed).flatMap { Money(decimal: $0, unit: .yuan) }
        members.append(.init("amount", .string(amount?.decimalString(in: unit) ?? typed)))
        for (key, _) in Self.dates where !text(date(key)).isEmpty {
            members.append(.init(key, .string(FormText.date(date(key)))))
        }
        return .object(members)
    }
}

extension ProcurementForm {
    /// The form filled with a stored procurement.
    init(_ procurement: Procurement) {
        self.init()
        name = procurement.name
        line = procurement.line
        amount = procurement.amount.yuanString
        intentPublished = procurement.intentPublished?.description
        started = procurement.started?.description
        awarded = procurement.awarded?.description
        contractSigned = procurement.contractSigned?.description
        contractPublished = procurement.contractPublished?.description
        contractFiled = procurement.contractFiled?.description
    }
}
