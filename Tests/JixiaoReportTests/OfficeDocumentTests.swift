import Foundation
import FoundationXML
import JixiaoCore
import JixiaoIO
import JixiaoOffice
import JixiaoTestSupport
import Testing
@testable import JixiaoReport

/// The DOCX and XLSX files: golden parts, package structure, the 公文 layout values, determinism.
@Suite struct OfficeDocumentTests {
    static func document(_ name: String) throws -> ReportDocument {
        let year = try BundleReader().read(Fixtures.example(name))
        let evaluation = Evaluator.evaluate(year)
        return ReportBuilder.build(year, evaluation: evaluation,
                                   findings: FindingsEngine.findings(year, evaluation: evaluation),
                                   date: CivilDate(year: year.year + 1, month: 3, day: 31))
    }

    static func docx(_ name: String) throws -> [String: Data] {
        try PackageReader().parts(of: DocxRenderer.render(document(name)))
    }

    static func xlsx(_ name: String) throws -> [String: Data] {
        try PackageReader().parts(of: XlsxRenderer.render(document(name)))
    }

    private func text(_ parts: [String: Data], _ path: String) throws -> String {
        String(decoding: try #require(parts[path], "missing part \(path)"), as: UTF8.self)
    }

    @Test("golden word/document.xml", arguments: Fixtures.examples)
    func goldenDocumentXML(name: String) throws {
        let xml = try text(Self.docx(name), "word/document.xml")
        #expect(try Fixtures.matchesGolden(xml, named: name.replacingOccurrences(of: ".json", with: ".document.xml")))
    }

    @Test("golden xl/worksheets/sheet1.xml", arguments: Fixtures.examples)
    func goldenSheetXML(name: String) throws {
        let xml = try text(Self.xlsx(name), "xl/worksheets/sheet1.xml")
        #expect(try Fixtures.matchesGolden(xml, named: name.replacingOccurrences(of: ".json", with: ".sheet1.xml")))
    }

    @Test func theSameBundleGivesByteIdenticalFiles() throws {
        let document = try Self.document("hp-kexie-2022.json")
        #expect(try DocxRenderer.render(document) == DocxRenderer.render(document))
        #expect(try XlsxRenderer.render(document) == XlsxRenderer.render(document))
    }

    @Test("every part is well-formed and every reference resolves", arguments: ["docx", "xlsx"])
    func packageStructure(kind: String) throws {
        let parts = kind == "docx" ? try Self.docx("hp-kexie-2022.json") : try Self.xlsx("hp-kexie-2022.json")
        for (path, data) in parts {
            #expect(throws: Never.self, "\(path) is not well-formed") { _ = try XMLDocument(data: data) }
        }
        let types = try XMLDocument(data: try #require(parts["[Content_Types].xml"]))
        let overrides = try types.nodes(forXPath: "//*[local-name()='Override']/@PartName").compactMap(\.stringValue)
        #expect(Set(overrides) == Set(parts.keys.filter { !$0.hasSuffix(".rels") && $0 != "[Content_Types].xml" }
            .map { "/" + $0 }))
        for (path, data) in parts where path.hasSuffix(".rels") {
            let source = path.replacingOccurrences(of: "_rels/", with: "").replacingOccurrences(of: ".rels", with: "")
            let base = (source as NSString).deletingLastPathComponent
            let targets = try XMLDocument(data: data).nodes(forXPath: "//*[local-name()='Relationship']/@Target")
                .compactMap(\.stringValue)
            #expect(!targets.isEmpty)
            for target in targets {
                let resolved = base.isEmpty ? target : base + "/" + target
                #expect(parts[resolved] != nil, "\(path) points at \(resolved), which is missing")
            }
        }
    }

    @Test func theWordFileHasTheOfficialLayout() throws {
        let parts = try Self.docx("hp-kexie-2022.json")
        let document = try text(parts, "word/document.xml")
        #expect(document.contains(#"<w:pgSz w:w="11906" w:h="16838"/>"#))
        #expect(document.contains(#"<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587""#))
        #expect(document.contains(#"<w:docGrid w:type="lines" w:linePitch="579"/>"#))
        #expect(document.contains(#"<w:footerReference w:type="even""#))
        #expect(document.contains("<w:tblHeader/>"))
        #expect(document.contains(#"<w:vMerge w:val="restart"/>"#) && document.contains("<w:vMerge/>"))
        #expect(document.contains("<w:pageBreakBefore/>"))
        let styles = try text(parts, "word/styles.xml")
        for face in ["仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312"] {
            #expect(styles.contains(#"w:eastAsia="\#(face)""#))
        }
        #expect(styles.contains(#"<w:sz w:val="44"/>"#) && styles.contains(#"<w:sz w:val="32"/>"#))
        #expect(styles.contains(#"<w:ind w:firstLineChars="200" w:firstLine="640"/>"#))
        #expect(styles.contains(#"<w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact"/>"#))
        let fonts = try text(parts, "word/fontTable.xml")
        #expect(fonts.contains(#"<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>"#))
        #expect(fonts.contains(#"<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>"#))
        #expect(try text(parts, "word/settings.xml").contains("<w:evenAndOddHeaders/>"))
        #expect(try text(parts, "word/footer1.xml").contains(#"<w:jc w:val="right"/>"#))
        #expect(try text(parts, "word/footer2.xml").contains(#"<w:jc w:val="left"/>"#))
        #expect(try text(parts, "word/footer1.xml").contains(" PAGE "))
    }

    @Test func theStyleTableGivesTwentyTwoLinesOfTwentyEightCharacters() {
        let style = OfficialStyle.gbt9704
        #expect(style.linePitchTwips * 22 <= OfficialStyle.twips(millimetres: 297 - 37 - 35))
        #expect(style.linePitchTwips * 23 > OfficialStyle.twips(millimetres: 297 - 37 - 35))
        let pitchTwips = style.body.halfPoints * 10 + style.characterSpacing
        #expect(pitchTwips * 28 <= style.textWidthTwips)
        #expect(pitchTwips * 29 > style.textWidthTwips)
    }

    @Test func theWorkbookKeepsNumbersAsNumbers() throws {
        let parts = try Self.xlsx("hp-kexie-2022.json")
        let sheet = try text(parts, "xl/worksheets/sheet1.xml")
        let styles = try text(parts, "xl/styles.xml")
        #expect(styles.contains(#"formatCode="0.00""#) && styles.contains(#"formatCode="0.00%""#))
        #expect(sheet.contains("<v>864.4</v>") && sheet.contains("<v>855.63</v>") && sheet.contains("<v>0.9899</v>"))
        #expect(sheet.contains("<v>97.9</v>"))
        #expect(sheet.contains(#"<pane ySplit="9" topLeftCell="A10" activePane="bottomLeft" state="frozen"/>"#))
        #expect(sheet.contains(#"<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>"#))
        #expect(sheet.contains(#"<mergeCell ref="A3:A6"/>"#))
        let workbook = try text(parts, "xl/workbook.xml")
        #expect(workbook.contains(#"<definedName name="_xlnm.Print_Titles" localSheetId="0">'自评表'!$9:$9</definedName>"#))
        #expect(try text(parts, "xl/sharedStrings.xml").contains("<t>年度预算执行情况（万元）</t>"))
    }

    @Test func damagedOrHostilePackagesAreRefused() throws {
        #expect(throws: PackageReader.ReadError.notAZip) { try PackageReader().parts(of: Data("not a zip".utf8)) }
        let docx = try DocxRenderer.render(Self.document("hp-kexie-2022.json"))
        #expect(throws: PackageReader.ReadError.self) { try PackageReader().parts(of: docx.prefix(docx.count / 2)) }
        #expect(throws: PackageReader.ReadError.tooManyEntries(limit: 3)) {
            try PackageReader(maximumEntries: 3).parts(of: docx)
        }
        #expect(throws: PackageReader.ReadError.tooLarge(limitBytes: 1_000)) {
            try PackageReader(maximumUncompressedBytes: 1_000).parts(of: docx)
        }
        // Parts that declare 1 byte each but inflate to 700: each is under the cap, together they are not.
        var forged = OfficePackage()
        for name in ["a.xml", "b.xml"] {
            forged.add(name, contentType: "application/xml", data: Data(("<a>" + String(repeating: "x", count: 693) + "</a>").utf8))
        }
        let lying = Self.declaringOneByte(try forged.archive())
        #expect(throws: PackageReader.ReadError.tooLarge(limitBytes: 1_000)) {
            try PackageReader(maximumUncompressedBytes: 1_000).parts(of: lying)
        }
        #expect(try PackageReader(maximumUncompressedBytes: 2_000).parts(of: lying)["a.xml"]?.count == 700)
        var escaping = OfficePackage()
        escaping.add("../evil.xml", contentType: "application/xml", data: Data("<a/>".utf8))
        #expect(throws: PackageReader.ReadError.unsafeEntryName("../evil.xml")) {
            try PackageReader().parts(of: escaping.archive())
        }
    }

    /// The archive with every entry's uncompressed size, in its local header and in the central directory, set to 1.
    static func declaringOneByte(_ archive: Data) -> Data {
        var bytes = [UInt8](archive)
        let signatures: [([UInt8], Int)] = [([0x50, 0x4B, 0x03, 0x04], 22), ([0x50, 0x4B, 0x01, 0x02], 24)]
        for index in 0..<(bytes.count - 4) {
            for (signature, offset) in signatures where Array(bytes[index..<index + 4]) == signature {
                bytes.replaceSubrange(index + offset..<index + offset + 4, with: [1, 0, 0, 0])
            }
        }
        return Data(bytes)
    }
}
