import JixiaoCore

/// The ways clerks write dates and amounts in spreadsheets and exports, read leniently into the bundle's exact
/// forms. Shared by the workbook and CSV imports so both accept the same things.
public enum ClerkFormats {
    /// A date as `2022-03-05`, `2022-3-5`, `2022/3/5`, `2022.3.5`, `2022年3月5日` or `20220305`, optionally followed by
    /// a time (`2022-03-05 00:00:00`); nil when it is none of these or the day does not exist.
    public static func date(_ text: String) -> CivilDate? {
        if let date = asciiDate(text.utf8) { return date }
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

    /// `2022-03-05`, `2022/3/5`, `2022.3.5`, optionally followed by a time, read from bytes: the common case of a
    /// million-row export, without building characters. Nil sends the text to the general reader.
    private static func asciiDate(_ bytes: String.UTF8View) -> CivilDate? {
        var fields = [0, 0, 0]
        var digits = 0
        var field = 0
        var separator: UInt8 = 0
        var started = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                started = true
                fields[field] = fields[field] * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                guard digits <= (field == 0 ? 4 : 2) else { return nil }
            case UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "."):
                guard field < 2, digits == (field == 0 ? 4 : digits), digits > 0,
                      separator == 0 || separator == byte else { return nil }
                separator = byte
                field += 1
                digits = 0
            case UInt8(ascii: " "), UInt8(ascii: "T"):
                if !started { continue }
                guard field == 2, digits > 0 else { return nil }
                return CivilDate(year: fields[0], month: fields[1], day: fields[2])
            default:
                return nil
            }
        }
        guard field == 2, digits > 0 else { return nil }
        return CivilDate(year: fields[0], month: fields[1], day: fields[2])
    }

    /// An amount or number with the decorations clerks add — thousands separators, a currency sign, spaces,
    /// full-width digits — reduced to a plain decimal literal; nil when what remains is no number.
    public static func number(_ text: String) -> String? {
        // The common case, in bytes: ASCII digits, sign, point and thousands commas.
        if text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B || $0 == 0x2C }) {
            guard text.utf8.contains(0x2C) else { return Rational(decimal: text) == nil ? nil : text }
            return groupedThousands(Array(text.utf8))
        }
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
        guard result.contains(",") else { return Rational(decimal: result) == nil ? nil : result }
        return groupedThousands(Array(result.utf8))
    }

    /// `1,234,567.89` without its commas, when they group whole thousands (never `1,23` or `12,34`).
    private static func groupedThousands(_ bytes: [UInt8]) -> String? {
        let point = bytes.firstIndex(of: 0x2E) ?? bytes.count
        guard !bytes[point...].contains(0x2C) else { return nil }
        let signed = bytes.first == 0x2D || bytes.first == 0x2B ? 1 : 0
        let groups = bytes[signed..<point].split(separator: 0x2C, omittingEmptySubsequences: false)
        guard groups.count > 1, (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 })
        else { return nil }
        let plain = String(decoding: bytes.filter { $0 != 0x2C }, as: UTF8.self)
        return Rational(decimal: plain) == nil ? nil : plain
    }

    /// The decimal a spreadsheet's binary number was typed as: `0.94999999999999996` → `0.95`. Numbers in XLSX are
    /// IEEE doubles written in text; the shortest text that gives back the same double is what the clerk entered.
    public static func spreadsheetNumber(_ literal: String) -> String {
        guard let double = Double(literal), double.isFinite else { return literal }
        if double == double.rounded(), abs(double) < 1e15 { return String(Int64(double)) }
        return "\(double)"
    }

    /// A file's size as people read it: `812 字节`, `35.2 KB`, `1.4 MB` (tenths cut, not rounded).
    public static func fileSize(_ bytes: Int) -> String {
        if bytes < 1_024 { return "\(bytes) 字节" }
        let (tenths, unit) = bytes < 1_048_576 ? (bytes * 10 / 1_024, "KB") : (bytes * 10 / 1_048_576, "MB")
        return "\(tenths / 10).\(tenths % 10) \(unit)"
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
