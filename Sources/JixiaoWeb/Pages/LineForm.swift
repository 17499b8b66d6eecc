import JixiaoCore
import JixiaoIO
import Vapor

/// The budget line form as posted (amounts in yuan), and its checks.
struct LineForm: Content {
    var code: String?
    var name: String?
    var kind: String?
    /// 资金来源 (`fiscal`, `carryover`, `other`); empty for 财政拨款 unstated.
    var source: String?
    var initial: String?
    var adjusted: String?
    var executed: String?
    var version: Int?

    init(code: String? = nil, name: String? = nil, kind: String? = nil, source: String? = nil, initial: String? = nil,
         adjusted: String? = nil, executed: String? = nil, version: Int? = nil) {
        (self.code, self.name, self.kind, self.source, self.initial, self.adjusted, self.executed, self.version) =
            (code, name, kind, source, initial, adjusted, executed, version)
    }

    init(_ line: BudgetLine, version: Int) {
        self.init(code: line.code, name: line.name, kind: line.kind.rawValue, source: line.source?.rawValue,
                  initial: line.initial.yuanString, adjusted: line.adjusted.yuanString,
                  executed: line.declaredExecuted?.yuanString, version: version)
    }

    func validated() -> Result<BudgetLine, FieldErrors> {
        var errors = FieldErrors()
        let code = (self.code ?? "").trimmingCharacters(in: .whitespaces)
        if code.isEmpty { errors["code"] = "请填写项目编码" } else if code.count > 32 { errors["code"] = "项目编码不超过 32 个字符" }
        let name = (self.name ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty { errors["name"] = "请填写项目名称" }
        else if name.count > TextLimits.maximumCharacters { errors["name"] = "项目名称最多 \(TextLimits.maximumCharacters) 字" }
        let kind = BudgetLine.Kind(rawValue: self.kind ?? "")
        if kind == nil { errors["kind"] = "请选择基本支出或项目支出" }
        let sourceText = (self.source ?? "").trimmingCharacters(in: .whitespaces)
        let source = BudgetLine.FundingSource(rawValue: sourceText)
        if !sourceText.isEmpty, source == nil { errors["source"] = "请选择财政拨款、上年结转或其他资金" }
        func amount(_ field: String, _ text: String?, required: Bool) -> Money? {
            let text = (text ?? "").trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else {
                if required { errors[field] = "请填写金额" }
                return nil
            }
            guard let money = ClerkFormats.number(text).flatMap({ Money(decimal: $0, unit: .yuan) }), money >= .zero else {
                errors[field] = "“\(text)”不是金额（以元为单位直接写数字，最多两位小数，不小于 0）"
                return nil
            }
            return money
        }
        let initial = amount("initial", self.initial, required: true)
        let adjusted = amount("adjusted", self.adjusted, required: true)
        let executed = amount("executed", self.executed, required: false)
        guard errors.isEmpty, let kind, let initial, let adjusted else { return .failure(errors) }
        return .success(BudgetLine(code: code, name: name, kind: kind, source: source, initial: initial, adjusted: adjusted,
                                   declaredExecuted: executed))
    }
}
