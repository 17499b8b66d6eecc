import JixiaoCore

/// Small pieces of Chinese document convention shared by the drafters.
enum ChineseText {
    private static let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// 1 → 一, 12 → 十二, 21 → 二十一 (1…99).
    static func numeral(_ value: Int) -> String {
        guard value > 10 else { return digits[value] }
        let tens = value / 10
        let ones = value % 10
        return (tens == 1 ? "" : digits[tens]) + "十" + (ones == 0 ? "" : digits[ones])
    }

    /// Joins items as "一是……；二是……。", dropping each item's own closing punctuation.
    static func enumerate(_ items: [String]) -> String {
        items.enumerated().map { offset, item in
            "\(numeral(offset + 1))是\(trimmed(item))"
        }.joined(separator: "；") + (items.isEmpty ? "" : "。")
    }

    /// Text without trailing sentence punctuation or spaces.
    static func trimmed(_ text: String) -> String {
        var result = Substring(text)
        while let last = result.last, "。；;，,. \n".contains(last) { result = result.dropLast() }
        return String(result)
    }

    /// The paragraphs of a human-written text: one per non-empty line.
    static func paragraphs(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
    }

    /// A value with its unit, e.g. "47 场", "95%".
    static func quantity(_ value: String, _ unit: String) -> String {
        if unit.isEmpty { return value }
        if unit == "%" { return value + unit }
        if countUnits.contains(unit), let number = Rational(decimal: value), number >= Rational(100_000) {
            let wan = number / Rational(10_000)
            if wan.terminates(within: 2) { return "\(wan.description) 万\(unit)" }
        }
        return "\(value) \(unit)"
    }

    /// Units of people and events whose counts of 10 万 or more read in 万 (`400 万人次`, not `4000000 人次`).
    static let countUnits: Set<String> = ["人次", "人", "次", "场", "场次", "名", "户", "家", "个", "份", "册", "件"]

    /// An amount in 万元 with two decimals and the unit.
    static func wan(_ money: Money) -> String { "\(money.wanString) 万元" }
}

extension String {
    var trimmingWhitespace: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
