import JixiaoCore

/// Amounts as pages show them.
enum Figures {
    /// Yuan with thousands separators and two decimals: `8,644,000.00`.
    static func yuan(_ money: Money) -> String {
        let plain = money.yuanString
        let negative = plain.hasPrefix("-")
        let digits = plain.drop { $0 == "-" }
        let whole = digits.prefix { $0 != "." }
        var grouped = ""
        for (index, character) in whole.enumerated() {
            if index > 0, (whole.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return (negative ? "-" : "") + grouped + digits.dropFirst(whole.count)
    }
}
