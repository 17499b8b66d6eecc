import Testing
@testable import JixiaoIO

@Suite struct CSVWriterTests {
    @Test func fieldsAreQuotedOnlyWhenTheyMustBeAndReadBackAsWritten() throws {
        let rows = [["部门", "执行率"], ["科协,区属", "33.43%"], ["说\"逾期\"", "第一行\r\n第二行"], ["", "全角，逗号"]]
        var writer = CSVWriter()
        for row in rows { writer.append(row) }
        #expect(writer.text == "\u{FEFF}部门,执行率\r\n\"科协,区属\",33.43%\r\n\"说\"\"逾期\"\"\",\"第一行\r\n第二行\"\r\n,全角，逗号\r\n")
        var parser = CSVParser()
        var read: [[String]] = []
        try parser.feed(Array(writer.text.utf8.dropFirst(3))) { fields, _ in read.append(fields) }  // after the BOM
        try parser.finish { fields, _ in read.append(fields) }
        #expect(read == rows)
    }
}
