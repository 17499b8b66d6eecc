import Foundation
import JixiaoCore
import Testing
@testable import JixiaoIO
@testable import JixiaoOffice

/// The SpreadsheetML reader on parts written by hand the way other producers write them.
@Suite struct SpreadsheetReaderTests {
    /// A one-sheet workbook with the given sheet XML, shared strings and workbook properties.
    static func workbook(sheet: String, strings: String? = nil, workbookProperties: String = "",
                         extraPart: (String, String)? = nil) throws -> Data {
        var package = OfficePackage()
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        func add(_ path: String, _ text: String) {
            package.add(path, contentType: "application/xml", data: Data(text.utf8))
        }
        add("xl/workbook.xml", #"<workbook xmlns="\#(main)" xmlns:r="\#(relationships)">\#(workbookProperties)"#
            + #"<sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>"#)
        add("xl/_rels/workbook.xml.rels", #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + #"<Relationship Id="rId1" Type="\#(relationships)/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>"#)
        add("xl/worksheets/sheet1.xml", #"<worksheet xmlns="\#(main)">\#(sheet)</worksheet>"#)
        if let strings { add("xl/sharedStrings.xml", #"<sst xmlns="\#(main)">\#(strings)</sst>"#) }
        if let (path, text) = extraPart { add(path, text) }
        return try package.archive()
    }

    @Test func everyKindOfCellIsRead() throws {
        let data = try Self.workbook(sheet: """
            <sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>行内</t></is></c></row>
            <row r="3"><c r="A3"><v>864.4</v></c><c r="B3" t="b"><v>1</v></c><c r="C3"><f>A3*2</f><v>1728.8</v></c>
            <c r="D3" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="E3" t="e"><v>#DIV/0!</v></c></row>
            <row><c><v>1</v></c><c><v>2</v></c></row>
            </sheetData>
            """, strings: "<si><t>科普</t></si><si><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r><rPh><t>ふり</t></rPh></si>")
        let sheet = try #require(try SpreadsheetReader.read(data).sheet(named: "数据"))
        #expect(sheet[0, 0] == .text("科普"))
        #expect(sheet[0, 1] == .text("富文本"))
        #expect(sheet[0, 2] == .text("行内"))
        #expect(sheet[1, 0] == nil)
        #expect(sheet[2, 0] == .number("864.4"))
        #expect(sheet[2, 1] == .bool(true))
        #expect(sheet[2, 2] == .number("1728.8"))
        #expect(sheet[2, 3] == .text("xy"))
        #expect(sheet[2, 4] == .error("#DIV/0!"))
        #expect(sheet[3, 0] == .number("1") && sheet[3, 1] == .number("2"))
    }

    @Test func mergedCellsCarryTheirValueOverTheRange() throws {
        let data = try Self.workbook(sheet: """
            <sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>L1</t></is></c><c r="B1"><v>5</v></c></row>
            <row r="2"><c r="B2"><v>6</v></c></row><row r="3"><c r="B3"><v>7</v></c></row></sheetData>
            <mergeCells count="1"><mergeCell ref="A1:A3"/></mergeCells>
            """)
        let sheet = try #require(try SpreadsheetReader.read(data).sheet(named: "数据"))
        #expect((0..<3).map { sheet[$0, 0] } == [.text("L1"), .text("L1"), .text("L1")])
    }

    @Test func the1904DateSystemIsHonoured() throws {
        let data = try Self.workbook(sheet: "<sheetData/>", workbookProperties: #"<workbookPr date1904="1"/>"#)
        #expect(try SpreadsheetReader.read(data).uses1904Dates)
        #expect(ClerkFormats.date(serial: "0", uses1904: true) == CivilDate(iso: "1904-01-01"))
        #expect(ClerkFormats.date(serial: "43163", uses1904: true) == CivilDate(iso: "2022-03-05"))
    }

    @Test("1900 date serials, with Excel's phantom 29 February", arguments: [
        ("1", "1900-01-01"), ("59", "1900-02-28"), ("61", "1900-03-01"), ("44625", "2022-03-05"),
        ("44625.75", "2022-03-05"), ("45351", "2024-02-29"),
    ])
    func dateSerials(serial: String, date: String) {
        #expect(ClerkFormats.date(serial: serial, uses1904: false)?.description == date)
        if !serial.contains(".") { #expect(ClerkFormats.serial(of: CivilDate(iso: date)!) == Int(serial)) }
    }

    @Test func impossibleSerialsAreRefused() {
        #expect(ClerkFormats.date(serial: "60", uses1904: false) == nil)
        #expect(ClerkFormats.date(serial: "0", uses1904: false) == nil)
        #expect(ClerkFormats.date(serial: "-5", uses1904: false) == nil)
        #expect(ClerkFormats.date(serial: "abc", uses1904: false) == nil)
    }

    @Test func aPartWithADTDIsRefusedBeforeParsing() throws {
        let bomb = #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><sst/>"#
        let data = try Self.workbook(sheet: "<sheetData/>", extraPart: ("xl/sharedStrings.xml", bomb))
        #expect(throws: SpreadsheetReader.ReadError.declaresDTD("xl/sharedStrings.xml")) {
            try SpreadsheetReader.read(data)
        }
    }

    @Test func structuralDamageIsAnErrorNotACrash() throws {
        let unclosed = try Self.workbook(sheet: "<sheetData><row><c><v>1</v></row>")
        #expect(throws: SpreadsheetReader.ReadError.self) { try SpreadsheetReader.read(unclosed) }
        let badIndex = try Self.workbook(sheet: #"<sheetData><row><c t="s"><v>7</v></c></row></sheetData>"#, strings: "")
        #expect(throws: SpreadsheetReader.ReadError.self) { try SpreadsheetReader.read(badIndex) }
        var noWorkbook = OfficePackage()
        noWorkbook.add("word/document.xml", contentType: "application/xml", data: Data("<a/>".utf8))
        #expect(throws: SpreadsheetReader.ReadError.missingPart("xl/workbook.xml")) {
            try SpreadsheetReader.read(noWorkbook.archive())
        }
    }

    @Test func spreadsheetDoublesReadAsTheTypedDecimal() {
        #expect(ClerkFormats.spreadsheetNumber("0.94999999999999996") == "0.95")
        #expect(ClerkFormats.spreadsheetNumber("855.63") == "855.63")
        #expect(ClerkFormats.spreadsheetNumber("8644000") == "8644000")
        #expect(ClerkFormats.spreadsheetNumber("1E-3") == "0.001")
    }
}

@Suite struct ClerkFormatTests {
    @Test("dates as clerks write them", arguments: [
        ("2022-03-05", "2022-03-05"), ("2022-3-5", "2022-03-05"), ("2022/3/5", "2022-03-05"),
        ("2022.03.05", "2022-03-05"), ("2022年3月5日", "2022-03-05"), ("20220305", "2022-03-05"),
        ("2022-03-05 00:00:00", "2022-03-05"), (" 2022/12/31 ", "2022-12-31"),
    ])
    func dates(text: String, expected: String) {
        #expect(ClerkFormats.date(text)?.description == expected)
    }

    @Test("not dates", arguments: ["2022/13/05", "2022-02-30", "2022/3-5", "22/3/5", "2022年3月", "3/5/2022", "",
                                   "2022年3/5日"])
    func notDates(text: String) {
        #expect(ClerkFormats.date(text) == nil)
    }

    @Test("amounts as clerks write them", arguments: [
        ("1,234.56", "1234.56"), ("¥1,234,567.8", "1234567.8"), ("-1,000", "-1000"), (" 12 ", "12"),
        ("１２３．４", "123.4"), ("500元", "500"), ("0.5", "0.5"),
    ])
    func amounts(text: String, expected: String) {
        #expect(ClerkFormats.number(text) == expected)
    }

    @Test("not amounts", arguments: ["1,23", "12,34.5", "五百元", "1.2.3", "", "1,2345", ",123"])
    func notAmounts(text: String) {
        #expect(ClerkFormats.number(text) == nil)
    }
}

@Suite struct XMLScannerTests {
    struct Recorder: XMLScanner.Handler {
        var events: [String] = []
        mutating func start(_ name: Substring, _ attributes: [(name: Substring, value: String)]) {
            events.append("<\(name)" + attributes.map { " \($0.name)=\($0.value)" }.joined() + ">")
        }
        mutating func text(_ text: String) { events.append(text) }
        mutating func end(_ name: Substring) { events.append("</\(name)>") }
    }

    private func scan(_ text: String) throws(XMLScanner.Failure) -> [String] {
        var recorder = Recorder()
        try XMLScanner.scan(Array(text.utf8), into: &recorder)
        return recorder.events
    }

    @Test func eventsEntitiesAndCDATA() throws {
        #expect(try scan(#"<?xml version="1.0"?><!-- c --><a x="1 &amp; 2" y='&#x7EE9;'>&lt;t&gt;<![CDATA[<raw>]]><b/></a>"#)
            == ["<a x=1 & 2 y=绩>", "<t>", "<raw>", "<b>", "</b>", "</a>"])
    }

    @Test("malformed documents are errors", arguments: [
        "<a><b></a>", "<a>", "<a x=1/>", "<a>&bogus;</a>", "<!DOCTYPE a><a/>", "<a/><b/>", "text<a/>", "",
        "<a x=\"<\"/>", "<a><![CDATA[x</a>",
    ])
    func malformed(text: String) {
        #expect(throws: XMLScanner.Failure.self) { try scan(text) }
    }

    @Test func invalidUTF8IsAnError() {
        var recorder = Recorder()
        #expect(throws: XMLScanner.Failure.self) { try XMLScanner.scan([0x3C, 0x61, 0x3E, 0xFF, 0x3C, 0x2F, 0x61, 0x3E], into: &recorder) }
    }
}
