import Foundation
import Glibc
import JixiaoCore
import JixiaoFuzzing
import JixiaoTestSupport
import Testing
@testable import JixiaoIO

@Suite struct PaymentCSVTests {
    static let lines: Set<String> = ["X01", "X02"]

    private func file(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("payments-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        return url
    }

    private func read(_ bytes: [UInt8], reader: PaymentCSVReader = PaymentCSVReader()) throws
        -> ([Payment], PaymentCSVReader.Summary) {
        let url = try file(bytes)
        defer { try? FileManager.default.removeItem(at: url) }
        var payments: [Payment] = []
        let summary = try reader.read(url, lines: Self.lines, year: 2022) { payments.append($0) }
        return (payments, summary)
    }

    /// UTF-8 text in GB18030, through glibc's iconv.
    static func gb18030(_ text: String) -> [UInt8] {
        let converter = iconv_open("GB18030", "UTF-8")!
        defer { iconv_close(converter) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 8)
        var inputLeft = input.count
        var outputLeft = output.count
        input.withUnsafeMutableBytes { inputBuffer in
            output.withUnsafeMutableBytes { outputBuffer in
                var inputPointer = inputBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outputPointer = outputBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                _ = iconv(converter, &inputPointer, &inputLeft, &outputPointer, &outputLeft)
            }
        }
        return Array(output[..<(output.count - outputLeft)])
    }

    /// CRLF line ends, a quoted comma, a quoted line break, doubled quotes, a blank line, a last line without a break.
    static let sample = "支付日期,金额,项目编码,收款单位,凭证号,摘要\r\n"
        + "2022/3/5,\"1,234.50\",X01,\"某公司,有限\",V1,\"第一行\r\n第二行\"\r\n"
        + "2022年4月1日,200,X02,\"引号\"\"内\"\"\",V2,\r\n"
        + "\r\n"
        + "2022-12-31,-10.05,X01,,,退款"

    static let expected = [
        Payment(line: "X01", date: CivilDate(iso: "2022-03-05")!, amount: Money(fen: 123_450), payee: "某公司,有限",
                voucher: "V1", memo: "第一行\r\n第二行"),
        Payment(line: "X02", date: CivilDate(iso: "2022-04-01")!, amount: Money(fen: 20_000), payee: "引号\"内\"",
                voucher: "V2"),
        Payment(line: "X01", date: CivilDate(iso: "2022-12-31")!, amount: Money(fen: -1_005), memo: "退款"),
    ]

    @Test func utf8WithQuotesLineBreaksAndSeparatorsIsRead() throws {
        let (payments, summary) = try read(Array(Self.sample.utf8))
        #expect(payments == Self.expected)
        #expect(summary.encoding == "UTF-8" && summary.issueCount == 0 && summary.accepted == 3)
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let (payments, _) = try read([0xEF, 0xBB, 0xBF] + Array(Self.sample.utf8))
        #expect(payments == Self.expected)
    }

    @Test func gb18030IsDetectedAndRead() throws {
        let (payments, summary) = try read(Self.gb18030(Self.sample))
        #expect(summary.encoding == "GB18030")
        #expect(payments == Self.expected)
    }

    @Test("any chunk size gives the same result", arguments: [1, 2, 3, 7, 64])
    func chunkBoundaries(size: Int) throws {
        for bytes in [Array(Self.sample.utf8), Self.gb18030(Self.sample)] {
            let (payments, summary) = try read(bytes, reader: PaymentCSVReader(chunkSize: size))
            #expect(payments == Self.expected)
            #expect(summary.issueCount == 0)
        }
    }

    @Test func otherHeadersAreMapped() throws {
        let text = "交易时间,发生额,科目,对方户名\n2022-05-06,88,X02,丙\n"
        let (unmapped, problems) = try read(Array(text.utf8))
        #expect(unmapped.isEmpty)
        #expect(problems.issues.map(\.chinese).first?.hasPrefix("缺少“支付日期”列") == true)
        let reader = PaymentCSVReader(mapping: [.date: "交易时间", .amount: "发生额", .line: "科目", .payee: "对方户名"])
        let (payments, summary) = try read(Array(text.utf8), reader: reader)
        #expect(summary.issueCount == 0)
        #expect(payments == [Payment(line: "X02", date: CivilDate(iso: "2022-05-06")!, amount: Money(fen: 8_800),
                                     payee: "丙")])
    }

    @Test func everyBadRowIsReportedByRowAndColumn() throws {
        let text = "日期,金额,项目编码\n2022/13/05,100,X01\n2022-01-02,五百,X01\n2021-12-31,1,X09\n2022-01-03,,X01\n"
            + "2022-01-04,1.001,X02\n2022-01-05,3,X02\n"
        let (payments, summary) = try read(Array(text.utf8))
        #expect(summary.issues.map { "\($0.path)：\($0.chinese)" } == [
            "第 2 行（支付日期）：“2022/13/05”不是有效日期",
            "第 3 行（金额）：“五百”不是金额（精确到分）",
            "第 4 行（预算项目编码）：“X09”不是预算项目编码",
            "第 4 行（支付日期）：“2021-12-31”不在 2022 年度内",
            "第 5 行（金额）：未填写",
            "第 6 行（金额）：“1.001”不是金额（精确到分）",
        ])
        #expect(payments.count == 1 && summary.rows == 6)
    }

    @Test func damagedFilesAreReportedNotCrashedOn() throws {
        let (_, unterminated) = try read(Array("日期,金额,项目编码\n2022-01-01,1,\"X01\n".utf8))
        #expect(unterminated.issues.map(\.chinese) == ["引号没有闭合，直到文件结束"])
        let (_, mixed) = try read(Array("日期,金额,项目编码\n".utf8) + [0xFF, 0xFE, 0x41, 0x0A])
        #expect(mixed.issueCount == 1)
        let (_, empty) = try read([])
        #expect(empty.issues.map(\.chinese) == ["文件是空的"])
    }

    @Test func theStreamedBundleIsWhatTheWriterWouldWrite() throws {
        var year = try BundleReader().read(Fixtures.seed)
        let extra = Self.expected
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try BundleStreamWriter(year, to: url)
        for payment in extra { try writer.append(payment) }
        try writer.finish()
        year.payments += extra
        #expect(try String(contentsOf: url, encoding: .utf8) == BundleWriter.encode(year).serialized() + "\n")
    }

    @Test func fuzzedCSVNeverCrashesTheReader() throws {
        var generator = SeededGenerator(seed: 4)
        let seeds = [Array(Self.sample.utf8), Self.gb18030(Self.sample)]
        var outcomes = (clean: 0, faulty: 0)
        for round in 0..<PaymentCSVTests.fuzzRounds {
            let (_, summary) = try read(generator.mutate(seeds[round % 2]), reader: PaymentCSVReader(chunkSize: 5))
            if summary.issueCount == 0 { outcomes.clean += 1 } else { outcomes.faulty += 1 }
        }
        #expect(outcomes.clean + outcomes.faulty == PaymentCSVTests.fuzzRounds)
        #expect(outcomes.faulty > 0)
    }

    static let fuzzRounds = 3_000
}
