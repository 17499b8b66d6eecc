import JixiaoCore

/// Collects every validation issue of one decoding pass, so a file reports all its faults at once.
final class IssueLog {
    private(set) var issues: [ValidationIssue] = []

    func add(_ path: String, _ message: String, _ chinese: String) {
        issues.append(ValidationIssue(path: path, message: message, chinese: chinese))
    }
}

/// A position in a JSON document being decoded: the value there (if any), its path, and the shared issue log.
/// Each accessor reads and checks one kind of field and logs a precise issue instead of throwing.
struct JSONNode {
    let value: JSONValue?
    let log: IssueLog
    /// The path of the nearest ancestor whose path was spelled out (or this node's own).
    private let base: String
    /// The member name below `base`, when this node is one. The path is joined only when an issue needs it,
    /// so decoding a large valid bundle builds no path strings for its fields.
    private let key: String?

    init(value: JSONValue?, path: String, log: IssueLog) {
        self.init(value: value, base: path, key: nil, log: log)
    }

    private init(value: JSONValue?, base: String, key: String?, log: IssueLog) {
        self.value = value
        self.base = base
        self.key = key
        self.log = log
    }

    /// The JSON path, e.g. `payments[1].date`.
    var path: String {
        guard let key else { return base }
        return base.isEmpty ? key : base + "." + key
    }

    /// The member `key` of this object.
    subscript(key: String) -> JSONNode {
        self.key == nil ? JSONNode(value: value?[key], base: base, key: key, log: log)
            : JSONNode(value: value?[key], base: path, key: key, log: log)
    }

    var isPresent: Bool {
        if case .null = value { return false }
        return value != nil
    }

    /// Logs an issue here, worded in English and in Chinese.
    func fail(_ message: String, _ chinese: String) { log.add(path, message, chinese) }

    /// The value as a Chinese message quotes it: text in “ ”, numbers as written, other kinds by name.
    var shownChinese: String {
        switch value {
        case .string(let text)?: return "“\(text)”"
        case .number(let literal)?: return literal
        case .bool(let flag)?: return flag ? "true" : "false"
        case .array?: return "列表"
        case .object?: return "对象"
        case .null?, nil: return "空值"
        }
    }

    /// The value quoted for a message: strings in quotes, numbers as written, other kinds by name.
    var shown: String {
        switch value {
        case .string(let text)?:
            var quoted = ""
            JSONValue.writeString(text, to: &quoted)
            return quoted
        case .number(let literal)?: return literal
        case .bool(let flag)?: return flag ? "true" : "false"
        case let other?: return other.kindName
        case nil: return "nothing"
        }
    }

    /// Logs a missing or wrong value with what was expected, in English and Chinese.
    func reject(_ expected: String, _ chinese: String) {
        if isPresent {
            fail("\(shown) is not \(expected)", "\(shownChinese)不是\(chinese)")
        } else {
            fail("missing (expected \(expected))", "未填写（应为\(chinese)）")
        }
    }

    /// An object's members after checking that only `allowed` keys (and `$schema`, `$comment`) appear.
    @discardableResult
    func object(allowing allowed: Set<String>, required: Bool = true) -> Bool {
        guard isPresent || required else { return false }
        guard case .object(let members)? = value else { reject("an object", "对象"); return false }
        for member in members where !allowed.contains(member.key) && !member.key.hasPrefix("$") {
            self[member.key].fail("unknown field (expected one of \(allowed.sorted().joined(separator: ", ")))",
                                  "是未知字段（可用字段：\(allowed.sorted().joined(separator: "、"))）")
        }
        return true
    }

    /// The elements of an array; an absent optional array is empty.
    func array(required: Bool = false, nonEmpty: Bool = false) -> [JSONNode] {
        guard isPresent else {
            if required { reject(nonEmpty ? "a non-empty array" : "an array", "列表") }
            return []
        }
        guard case .array(let elements)? = value else {
            reject(nonEmpty ? "a non-empty array" : "an array", "列表")
            return []
        }
        if nonEmpty, elements.isEmpty { fail("is empty (expected at least one entry)", "为空（至少应有一项）") }
        return elements.enumerated().map { JSONNode(value: $1, path: "\(path)[\($0)]", log: log) }
    }

    /// A string; absent optional strings give nil, blank required strings are an issue.
    func string(required: Bool = true) -> String? {
        guard isPresent else {
            if required { reject("a text", "文字") }
            return nil
        }
        guard case .string(let text)? = value else { reject("a text", "文字"); return nil }
        if required, text.allSatisfy(\.isWhitespace) { fail("is empty (expected a text)", "未填写"); return nil }
        if text.utf8.count > TextLimits.maximumCharacters, text.count > TextLimits.maximumCharacters {
            fail("has \(text.count) characters (at most \(TextLimits.maximumCharacters))",
                 "共 \(text.count) 字（最多 \(TextLimits.maximumCharacters) 字）")
            return nil
        }
        return text
    }

    /// The string here, if it is one, without logging anything: for cross-references gathered before decoding.
    var peekedString: String? {
        if case .string(let text)? = value { return text }
        return nil
    }

    /// The text of a string or number, for fields that accept either (amounts, targets).
    func literal(required: Bool) -> String? {
        switch value {
        case .string(let text)?: return text
        case .number(let literal)?: return literal
        case nil, .null?:
            if required { reject("a number", "数字") }
            return nil
        default:
            reject("a number", "数字")
            return nil
        }
    }

    /// An exact decimal written as a string or number, inside `range`.
    func decimal(_ range: NumberRange, required: Bool = true) -> Rational? {
        guard let text = literal(required: required) else { return nil }
        return number(text.trimmingSpaces, range, expected: ("a number", "数字"))
    }

    /// A number kept as written (targets and actual values keep their text), checked against `range` when it reads
    /// as one; with `mustBeNumber`, text that is no number is refused too.
    func numberText(_ range: NumberRange, required: Bool, mustBeNumber: Bool) -> String? {
        guard let text = literal(required: required)?.trimmingSpaces else { return nil }
        guard let literal = DecimalLiteral(text) else {
            if mustBeNumber { reject("a number", "数字") }
            return mustBeNumber ? nil : text
        }
        return inside(literal, range) ? text : nil
    }

    /// An amount of money in `unit`, exact to the fen, inside ``NumberRange/money(_:negative:)``.
    func money(_ unit: Money.Unit, required: Bool = true, nonNegative: Bool = true) -> Money? {
        guard let text = literal(required: required) else { return nil }
        let expected = ("an amount in \(unit == .yuan ? "yuan" : "万元 (wan)")", "金额（\(unit == .yuan ? "元" : "万元")）")
        guard let number = number(text.trimmingSpaces, .money(unit, negative: !nonNegative), expected: expected)
        else { return nil }
        return Money(exactly: number * Rational(unit.fenPerUnit))
    }

    /// The value of a literal inside `range`; logs what is wrong with it otherwise.
    private func number(_ text: String, _ range: NumberRange, expected: (String, String)) -> Rational? {
        guard let literal = DecimalLiteral(text) else { reject(expected.0, expected.1); return nil }
        return inside(literal, range) ? literal.value : nil
    }

    /// Whether a literal is inside `range`; logs what is wrong with it otherwise.
    private func inside(_ literal: DecimalLiteral, _ range: NumberRange) -> Bool {
        guard let fault = range.fault(literal) else { return true }
        fail("\(shown) \(fault.english)", "\(shownChinese)\(fault.chinese)")
        return false
    }

    /// A date written `YYYY-MM-DD`.
    func date(required: Bool = true) -> CivilDate? {
        guard isPresent || required else { return nil }
        guard case .string(let text)? = value, let date = CivilDate(iso: text) else {
            reject("a date (YYYY-MM-DD)", "有效日期（YYYY-MM-DD）")
            return nil
        }
        return date
    }

    /// A whole number in a range.
    func integer(in range: ClosedRange<Int>, required: Bool = true) -> Int? {
        guard isPresent || required else { return nil }
        guard let text = literal(required: false), let number = Int(text), range.contains(number) else {
            reject("a whole number from \(range.lowerBound) to \(range.upperBound)",
                   "\(range.lowerBound) 到 \(range.upperBound) 之间的整数")
            return nil
        }
        return number
    }

    /// One of a closed list of values.
    func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type, required: Bool = true) -> T?
    where T.RawValue == String {
        guard isPresent || required else { return nil }
        guard case .string(let text)? = value, let result = T(rawValue: text) else {
            reject("one of " + T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "),
                   "以下之一：" + T.allCases.map { option in
                       (option as? any ChineseNamed).map { "\($0.chinese)（\(option.rawValue)）" } ?? option.rawValue
                   }.joined(separator: "、"))
            return nil
        }
        return result
    }
}

extension String {
    /// The text without surrounding spaces and tabs.
    var trimmingSpaces: String {
        guard let first = utf8.first, let last = utf8.last,
              first == UInt8(ascii: " ") || first == UInt8(ascii: "\t")
                || last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") else { return self }
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
