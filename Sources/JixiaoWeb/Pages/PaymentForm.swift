import JixiaoCore
import JixiaoIO
import Vapor

/// The payment form as posted, and its checks: every field with a problem gets its message, in Chinese.
struct PaymentForm: Content {
    var line: String?
    var date: String?
    var amount: String?
    var payee: String?
    var voucher: String?
    var memo: String?
    var version: Int?

    init(line: String? = nil, date: String? = nil, amount: String? = nil, payee: String? = nil, voucher: String? = nil,
         memo: String? = nil, version: Int? = nil) {
        (self.line, self.date, self.amount, self.payee, self.voucher, self.memo, self.version) =
            (line, date, amount, payee, voucher, memo, version)
    }

    /// The form filled with a stored payment (amounts in yuan).
    init(_ payment: Payment, version: Int) {
        self.init(line: payment.line, date: payment.date.description, amount: payment.amount.yuanString,
                  payee: payment.payee, voucher: payment.voucher, memo: payment.memo, version: version)
    }

    /// The payment, or the message for each field that is wrong.
    func validated(lines: [String], year: Int) -> Result<Payment, FieldErrors> {
        var errors = FieldErrors()
        let line = (self.line ?? "").trimmingCharacters(in: .whitespaces)
        if line.isEmpty { errors["line"] = "请选择预算项目" }
        else if !lines.contains(line) { errors["line"] = "“\(line)”不是本年度的预算项目编码" }
        let dateText = (self.date ?? "").trimmingCharacters(in: .whitespaces)
        let date = ClerkFormats.date(dateText)
        if dateText.isEmpty { errors["date"] = "请填写支付日期" }
        else if date == nil { errors["date"] = "“\(dateText)”不是有效日期，请按 2022-03-05 填写" }
        else if date!.year != year { errors["date"] = "支付日期应在 \(year) 年度内" }
        let amountText = (self.amount ?? "").trimmingCharacters(in: .whitespaces)
        let amount = ClerkFormats.number(amountText).flatMap { Money(decimal: $0, unit: .yuan) }
        if amountText.isEmpty { errors["amount"] = "请填写金额" }
        else if amount == nil { errors["amount"] = "“\(amountText)”不是金额（以元为单位直接写数字，最多两位小数，如 12500.00）" }
        else if amount == .zero { errors["amount"] = "金额不能为 0" }
        for (field, text) in [("payee", payee), ("voucher", voucher), ("memo", memo)]
        where (text?.count ?? 0) > TextLimits.maximumCharacters {
            errors[field] = "最多 \(TextLimits.maximumCharacters) 字"
        }
        guard errors.isEmpty, let date, let amount else { return .failure(errors) }
        return .success(Payment(line: line, date: date, amount: amount,
                                payee: (payee ?? "").trimmingCharacters(in: .whitespaces),
                                voucher: (voucher ?? "").trimmingCharacters(in: .whitespaces),
                                memo: (memo ?? "").trimmingCharacters(in: .whitespaces)))
    }
}

/// Messages by form field.
struct FieldErrors: Error, Sendable {
    private var messages: [String: String] = [:]
    /// Which wrong field takes the focus: the first one a page renders (shared by the copies a render passes on).
    private let focus = FocusClaim()

    /// Whether `field` is the first wrong field rendered, which takes the focus (`autofocus`); asked once per control.
    func takesFocus(_ field: String) -> Bool {
        guard messages[field] != nil else { return false }
        return focus.claim()
    }

    subscript(field: String) -> String? {
        get { messages[field] }
        set { messages[field] = newValue }
    }

    var isEmpty: Bool { messages.isEmpty }
    /// Every message by field, in field order.
    var all: [(key: String, value: String)] { messages.sorted { $0.key < $1.key } }
    var count: Int { messages.count }
}

/// The first claim wins; a page renders on one thread, so the flag needs no lock.
private final class FocusClaim: @unchecked Sendable {
    private var claimed = false

    func claim() -> Bool {
        defer { claimed = true }
        return !claimed
    }
}

extension FieldErrors {
    /// The bundle reader's issues about a record by form field — the member under the record
    /// (`workPlan[3].due` → `due`, `indicators[2].target` → `target`, `workPlan[3].indicators[0]` → `indicators`),
    /// issues about the whole list under `fallback` — added to the form's own.
    static func reader(_ error: InputError, adding form: FieldErrors, fallback: String) -> FieldErrors {
        var errors = form
        for issue in error.issues {
            let parts = issue.path.split(separator: ".")
            let field = parts.count > 1 ? String(parts[1].prefix { $0 != "[" }) : fallback
            errors[field] = [errors[field], issue.chinese].compactMap { $0 }.joined(separator: "；")
        }
        return errors
    }
}
