/// CSV as spreadsheets open it: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte-order mark so that Excel reads
/// Chinese text as UTF-8.
public struct CSVWriter {
    public private(set) var text = "\u{FEFF}"

    public init() {}

    /// Appends a record; a field with a comma, quote or line break is quoted, its quotes doubled.
    public mutating func append(_ fields: [String]) {
        text += fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",") + "\r\n"
    }
}
