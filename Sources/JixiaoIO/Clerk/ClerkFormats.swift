import JixiaoCore

/// The ways clerks write dates and amounts in spreadsheets and exports, read leniently into the bundle's exact
/// forms. Shared by the workbook and CSV imports so both accept the same things.
public enum ClerkFormats {
    /// A date as `2022-03-05`, `2022-3-5`, `2022/3/5`, `2022.3.5`, `2022年3月5日` or `20220305`, optionally followed by
    /// a time (`2022-03-05 00:00:00`); nil when it is none of these or the day does not exist.
    public static func date(_ text: String) -> CivilDate? {
        var trimmed = Substring(text.trimmingCharacters(in: .whitespaces))
        if let space = trimmed.firstIndex(where: { $0 == " " || $0 == "T" }) { trimmed = trimmed[..<space] }
        if trimmed.count == 8, trimmed.allSatisfy(\.isASCIIDigit) {
            let digits = Array(trimmed)
            return CivilDate(year: Int(String(digits[0..<4]))!, month: Int(String(digits[4..<6]))!,
                             day: Int(String(digits[6..<8]))!)
        }
        if trimmed.hasSuffix("日") { trimmed = trimmed.dropLast() }
        let parts = trimmed.split(omittingEmptySubsequences: false) { "-/.年月".contains($0) }
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        let separators = trimmed.filter { "-/.年月".contains($0) }
        guard separators == "年月" || (separators.count == 2 && Set(separators).count == 1 && separators != "年年") else {
            return nil
        }
        return CivilDate(year: year, month: month, day: day)
    }

    /// An amount or number with the decorations clerks add — thousands separators, a currency sign, spaces,
    /// full-width digits — reduced to a plain decimal literal; nil when what remains is no number.
    public static func number(_ text: String) -> String? {
        var result = ""
        for character in text {
            switch character {
            case " ", "\u{3000}", "¥", "￥", "元": continue
            case "，", ",": result.append(",")
            case "．": result.append(".")
            case "－", "−": result.append("-")
            case "０"..."９":
                result.append(Character(UnicodeScalar(character.unicodeScalars.first!.value - 0xFF10 + 0x30)!))
            default: result.append(character)
            }
        }
        if result.contains(",") {
            // Separators must group whole thousands: 1,234,567.89 — never 1,23 or 12,34.
            let integer = result.split(separator: ".", maxSplits: 1)[0]
            let groups = integer.drop { $0 == "-" || $0 == "+" }.split(separator: ",", omittingEmptySubsequences: false)
            guard groups.count > 1, (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { return nil }
            result.removeAll { $0 == "," }
        }
        return Rational(decimal: result) == nil ? nil : result
    }

    /// The decimal a spreadsheet's binary number was typed as: `0.94999999999999996` → `0.95`. Numbers in XLSX are
    /// IEEE doubles written in text; the shortest text that gives back the same double is what the clerk entered.
    public static func spreadsheetNumber(_ literal: String) -> String {
        guard let double = Double(literal), double.isFinite else { return literal }
        if double == double.rounded(), abs(double) < 1e15 { return String(Int64(double)) }
        return "\(double)"
    }

    /// A date serial of a 1900-system workbook (1 = 1900-01-01, with Excel's fictitious 1900-02-29 as 60) or a
    /// 1904-system one (0 = 1904-01-01); nil for serials before the system's start or with a time of day only.
    public static func date(serial literal: String, uses1904: Bool) -> CivilDate? {
        guard let value = Double(literal), value >= (uses1904 ? 0 : 1), value < 2_958_466 else { return nil }
        let whole = Int(value.rounded(.down))
        let epoch = uses1904 ? CivilDate(year: 1904, month: 1, day: 1)! : CivilDate(year: 1899, month: 12, day: 30)!
        if !uses1904, whole == 60 { return nil }  // 1900-02-29 never existed
        let offset = !uses1904 && whole < 60 ? whole + 1 : whole
        return CivilDate(dayNumber: epoch.dayNumber + offset)
    }

    /// The serial of a date in a 1900-system workbook.
    public static func serial(of date: CivilDate) -> Int {
        let offset = date.dayNumber - CivilDate(year: 1899, month: 12, day: 30)!.dayNumber
        return offset <= 60 ? offset - 1 : offset
    }
}

extension Character {
    /// 0–9 only (not other scripts' digits).
    var isASCIIDigit: Bool { isASCII && isNumber }
}
