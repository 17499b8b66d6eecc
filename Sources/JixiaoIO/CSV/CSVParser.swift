/// An RFC 4180 CSV parser (or, with a tab as the delimiter, rows copied from a spreadsheet) fed chunk by chunk: quoted fields may hold commas, quotes (`""`) and line breaks; records
/// end at LF, CRLF or CR. Each record is handed over as soon as it is complete, so memory stays constant however
/// long the file.
struct CSVParser {
    private enum State {
        case fieldStart
        case unquoted
        case quoted
        /// A quote inside a quoted field: either the end of the field or the first of `""`.
        case quoteInQuoted
        /// A CR ended the record; a following LF belongs to it.
        case afterCarriageReturn
    }

    /// Why a file is not readable CSV, with the record (the row number a spreadsheet shows) where it happened.
    enum Failure: Error, Equatable {
        /// A field that is not valid text in the file's encoding.
        case invalidText(record: Int)
        /// A quoted field still open at the end of the file.
        case unterminatedQuote(record: Int)
    }

    /// The field separator: a comma, or a tab for rows pasted from a spreadsheet.
    private let delimiter: UInt8
    private var state = State.fieldStart
    private var field: [UInt8] = []
    private var fields: [String] = []
    private var invalid = false
    /// Records completed so far, the header and blank lines included: the row number a spreadsheet shows.
    private(set) var records = 0

    init(delimiter: UInt8 = UInt8(ascii: ",")) { self.delimiter = delimiter }

    /// Parses a chunk of UTF-8 bytes, calling `record` for each complete record. Inside a field, the bytes up to the
    /// next one that could end it are copied as one run.
    mutating func feed(_ bytes: [UInt8], record: ([String], Int) throws -> Void) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            var index = buffer.startIndex
            while index < buffer.endIndex {
                if state == .unquoted || state == .quoted {
                    let start = index
                    while index < buffer.endIndex, !endsRun(buffer[index]) { index += 1 }
                    field.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<index]))
                    if index == buffer.endIndex { break }
                }
                let byte = buffer[index]
                index += 1
                if state == .afterCarriageReturn {
                    state = .fieldStart
                    if byte == UInt8(ascii: "\n") { continue }
                }
                try consume(byte, record: record)
            }
        }
    }

    /// Whether `byte` is one the state machine must see: in a quoted field a quote, outside one the delimiter or a
    /// line break.
    private func endsRun(_ byte: UInt8) -> Bool {
        state == .quoted ? byte == UInt8(ascii: "\"")
            : byte == delimiter || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private mutating func consume(_ byte: UInt8, record: ([String], Int) throws -> Void) throws {
        switch state {
        case .fieldStart:
            switch byte {
            case UInt8(ascii: "\""): state = .quoted
            case delimiter: endField()
            case UInt8(ascii: "\n"): try endRecord(record)
            case UInt8(ascii: "\r"): try endRecord(record); state = .afterCarriageReturn
            default: field.append(byte); state = .unquoted
            }
        case .unquoted:
            switch byte {
            case delimiter: endField(); state = .fieldStart
            case UInt8(ascii: "\n"): try endRecord(record); state = .fieldStart
            case UInt8(ascii: "\r"): try endRecord(record); state = .afterCarriageReturn
            default: field.append(byte)
            }
        case .quoted:
            if byte == UInt8(ascii: "\"") { state = .quoteInQuoted } else { field.append(byte) }
        case .quoteInQuoted:
            switch byte {
            case UInt8(ascii: "\""): field.append(byte); state = .quoted
            case delimiter: endField(); state = .fieldStart
            case UInt8(ascii: "\n"): try endRecord(record); state = .fieldStart
            case UInt8(ascii: "\r"): try endRecord(record); state = .afterCarriageReturn
            default: field.append(byte); state = .unquoted  // a stray character after the closing quote: keep it
            }
        case .afterCarriageReturn:
            break
        }
    }

    /// Ends the stream: a last record without a final line break still counts.
    mutating func finish(record: ([String], Int) throws -> Void) throws {
        if state == .quoted { throw Failure.unterminatedQuote(record: records + 1) }
        if state == .quoteInQuoted || !field.isEmpty || !fields.isEmpty { try endRecord(record) }
        state = .fieldStart
    }

    private mutating func endField() {
        if let text = String(validating: field, as: UTF8.self) { fields.append(text) } else {
            invalid = true
            fields.append("")
        }
        field.removeAll(keepingCapacity: true)
    }

    private mutating func endRecord(_ record: ([String], Int) throws -> Void) throws {
        endField()
        records += 1
        defer {
            fields.removeAll(keepingCapacity: true)
            invalid = false
        }
        if invalid { throw Failure.invalidText(record: records) }
        // A line with nothing on it holds no record (but still counts as a row).
        if fields.count == 1, fields[0].isEmpty { return }
        try record(fields, records)
    }
}
