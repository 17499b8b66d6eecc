import Foundation
import JixiaoCore

/// Reads payment exports (支付明细) from CSV as budget systems write them — UTF-8 with or without BOM, or GB18030 —
/// matching the usual Chinese column names, streaming: each row is checked and handed over at once, so a file of
/// 10⁶ rows never sits in memory. Every problem is collected with its row and column; nothing is half-accepted
/// because the caller writes only when ``Summary/issues`` is empty.
public struct PaymentCSVReader: Sendable {
    /// The payment fields a CSV column can fill.
    public enum Field: String, CaseIterable, Sendable {
        case date, amount, line, payee, voucher, memo

        /// Header texts recognised without `--map`.
        var headers: [String] {
            switch self {
            case .date: ["支付日期", "日期", "付款日期", "交易日期"]
            case .amount: ["金额", "支付金额", "付款金额"]
            case .line: ["预算项目编码", "项目编码"]
            case .payee: ["收款人", "收款单位", "收款人名称"]
            case .voucher: ["凭证号", "支付凭证号"]
            case .memo: ["摘要", "用途"]
            }
        }

        /// The Chinese name used in messages.
        var chinese: String { headers[0] }

        var isRequired: Bool { self == .date || self == .amount || self == .line }
    }

    /// The outcome of a read: rows accepted and the problems found (the first `issueLimit`, and how many in all).
    public struct Summary: Sendable {
        public var rows = 0
        public var accepted = 0
        public var issues: [ValidationIssue] = []
        public var issueCount = 0
        public var encoding = ""
    }

    /// Header names for fields, beyond the usual ones (`--map amount=发生额`).
    public var mapping: [Field: String]
    /// The unit the CSV's amounts are in.
    public var unit: Money.Unit
    /// How many problems are kept for display; all are counted.
    public var issueLimit: Int
    /// Bytes read at a time, and so the payments a batch holds (256 KiB: about 4,000 rows). The store writes one
    /// batch while the next is read, so two are in memory at once.
    public var chunkSize: Int

    public init(mapping: [Field: String] = [:], unit: Money.Unit = .yuan, issueLimit: Int = 200,
                chunkSize: Int = 1 << 18) {
        self.mapping = mapping
        self.unit = unit
        self.issueLimit = issueLimit
        self.chunkSize = chunkSize
    }

    /// Reads a CSV file, checking each row against the year's line codes and year, and passing every valid
    /// payment to `accept` in file order. `progress` is called every 100,000 rows.
    public func read(_ file: URL, lines: Set<String>, year: Int, progress: (Int) -> Void = { _ in },
                     accept: (Payment) throws -> Void) throws -> Summary {
        let stream = try batches(file, lines: lines, year: year)
        var reported = 0
        while let batch = try stream.next() {
            for payment in batch { try accept(payment) }
            if stream.rows / 100_000 > reported {
                reported = stream.rows / 100_000
                progress(reported * 100_000)
            }
        }
        return stream.summary
    }

    /// The file's valid payments a chunk at a time, for callers that await between chunks (database inserts).
    public func batches(_ file: URL, lines: Set<String>, year: Int) throws -> PaymentBatches {
        try PaymentBatches(reader: self, file: file, lines: lines, year: year)
    }

    /// The column positions of the fields, from the header row; the problems with the header.
    func columns(of header: [String]) -> ([Field: Int], [String]) {
        let names = header.map { $0.trimmingCharacters(in: .whitespaces).filter { $0 != "\u{FEFF}" } }
        var positions: [Field: Int] = [:]
        for field in Field.allCases {
            let accepted = mapping[field].map { [$0] } ?? field.headers
            if let index = names.firstIndex(where: { accepted.contains($0) }) { positions[field] = index }
        }
        let missing = Field.allCases.filter { $0.isRequired && positions[$0] == nil }.map { field in
            "缺少“\(field.chinese)”列（可用表头：\(mapping[field] ?? field.headers.joined(separator: "、"))；"
                + "其他表头请用 --map \(field.rawValue)=表头）"
        }
        return (positions, missing)
    }
}

/// One pass over a CSV file, a chunk at a time: each call to ``next()`` reads a chunk and returns the valid payments
/// completed in it (possibly none), nil at the end. Problems collect in ``summary``.
public final class PaymentBatches {
    private let handle: FileHandle
    private let transcoder: TextTranscoder
    private let chunkSize: Int
    private var sample: ArraySlice<UInt8>
    private var parser = CSVParser()
    private var state: ReadState
    private var finished = false

    init(reader: PaymentCSVReader, file: URL, lines: Set<String>, year: Int) throws {
        guard let handle = FileHandle(forReadingAtPath: file.path) else {
            throw InputError(file: file.path, issues: [ValidationIssue(path: "", message: "cannot be read",
                                                                       chinese: "无法读取文件")])
        }
        self.handle = handle
        chunkSize = reader.chunkSize
        // Decide the encoding on a sample of at least 64 KiB, longer while it is all ASCII (up to 8 MiB).
        var first = [UInt8](try handle.read(upToCount: max(chunkSize, 1 << 16)) ?? Data())
        while first.allSatisfy({ $0 < 0x80 }), first.count < 1 << 23,
              let more = try handle.read(upToCount: 1 << 16), !more.isEmpty {
            first += more
        }
        transcoder = try TextTranscoder(sample: first)
        sample = first[...]
        state = ReadState(reader: reader, file: file.path, lines: lines, year: year)
        state.summary.encoding = transcoder.encoding.rawValue
    }

    deinit { try? handle.close() }

    /// Rows read so far, the header not counted.
    public var rows: Int { state.summary.rows }

    /// What the pass found; complete once ``next()`` returned nil.
    public var summary: PaymentCSVReader.Summary { state.summary }

    public func next() throws -> [Payment]? {
        guard !finished else { return nil }
        var batch: [Payment] = []
        do {
            let chunk = try nextChunk()
            if chunk.isEmpty {
                finished = true
                try transcoder.finish()
                try parser.finish { fields, row in try state.record(fields, row: row) { batch.append($0) } }
                if parser.records == 0, state.summary.issueCount == 0 { state.add(location: "", "文件是空的") }
            } else {
                try parser.feed(try transcoder.transcode(chunk)) { fields, row in
                    try state.record(fields, row: row) { batch.append($0) }
                }
            }
        } catch TextTranscoder.TranscodingError.invalidBytes(let offset) {
            stop(location: "第 \(offset + 1) 字节", "文件编码无效：既不是 UTF-8 也不是 GB18030，请另存为其中一种")
        } catch CSVParser.Failure.invalidText(let row) {
            stop(location: "第 \(row) 行", "含有无效字符：文件编码前后不一致")
        } catch CSVParser.Failure.unterminatedQuote(let row) {
            stop(location: "第 \(row) 行", "引号没有闭合，直到文件结束")
        }
        return batch
    }

    private func stop(location: String, _ message: String) {
        state.add(location: location, message)
        finished = true
    }

    /// The sample first, in chunks, then the rest of the file.
    private func nextChunk() throws -> [UInt8] {
        guard sample.isEmpty else {
            defer { sample = sample.dropFirst(chunkSize) }
            return Array(sample.prefix(chunkSize))
        }
        return [UInt8](try handle.read(upToCount: chunkSize) ?? Data())
    }
}

/// The state of one read: the header's columns once seen, and the summary so far.
private struct ReadState {
    let reader: PaymentCSVReader
    let file: String
    let lines: Set<String>
    let year: Int
    var columns: [PaymentCSVReader.Field: Int]?
    var summary = PaymentCSVReader.Summary()

    init(reader: PaymentCSVReader, file: String, lines: Set<String>, year: Int) {
        self.reader = reader
        self.file = file
        self.lines = lines
        self.year = year
    }

    mutating func add(location: String, _ message: String) {
        summary.issueCount += 1
        if summary.issues.count < reader.issueLimit {
            summary.issues.append(ValidationIssue(path: location, message: message, chinese: message))
        }
    }

    mutating func record(_ fields: [String], row: Int, accept: (Payment) throws -> Void) throws {
        guard let columns else {
            let (found, problems) = reader.columns(of: fields)
            for problem in problems { add(location: "第 \(row) 行（表头）", problem) }
            columns = problems.isEmpty ? found : [:]
            return
        }
        guard !columns.isEmpty else { return }
        summary.rows += 1
        func value(_ field: PaymentCSVReader.Field) -> String {
            guard let index = columns[field], index < fields.count else { return "" }
            return fields[index].trimmingSpaces
        }
        let before = summary.issueCount
        func problem(_ field: PaymentCSVReader.Field, _ message: String) {
            add(location: "第 \(row) 行（\(field.chinese)）", message)
        }
        let line = value(.line)
        if line.isEmpty { problem(.line, "未填写") } else if !lines.contains(line) { problem(.line, "“\(line)”不是预算项目编码") }
        let dateText = value(.date)
        let date = ClerkFormats.date(dateText)
        if dateText.isEmpty { problem(.date, "未填写") }
        else if date == nil { problem(.date, "“\(dateText)”不是有效日期") }
        else if date!.year != year { problem(.date, "“\(dateText)”不在 \(year) 年度内") }
        let amountText = value(.amount)
        let amount = ClerkFormats.number(amountText).flatMap { Money(decimal: $0, unit: reader.unit) }
        if amountText.isEmpty { problem(.amount, "未填写") }
        else if amount == nil { problem(.amount, "“\(amountText)”不是金额（精确到分）") }
        guard summary.issueCount == before, let date, let amount else { return }
        summary.accepted += 1
        try accept(Payment(line: line, date: date, amount: amount, payee: value(.payee), voucher: value(.voucher),
                           memo: value(.memo)))
    }
}
