import Foundation
import JixiaoOffice
import JixiaoTestSupport
import Testing
@testable import JixiaoReport

/// The files converted by the real LibreOffice and read back with poppler, as a clerk would print them.
@Suite(.enabled(if: Command.officeToolsEnabled, "needs LibreOffice and poppler-utils"))
struct ConversionTests {
    /// The PDF's text without any whitespace (layout spacing between Latin and Chinese varies), and `pdfinfo`.
    private func pdfText(_ pdf: Data) throws -> (text: String, info: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return (try Command.run("pdftotext", [file.path, "-"]).stdout.filter { !$0.isWhitespace },
                try Command.run("pdfinfo", [file.path]).stdout)
    }

    @Test func theReportPrintsWithTheSeedFiguresOnA4() throws {
        let (text, info) = try pdfText(try OfficialPDF().render(OfficeDocumentTests.document("hp-kexie-2022.json")))
        for figure in ["864.40", "855.63", "181.66", "97.90", "99%", "2022年部门整体支出绩效自评报告", "自评等级：优"] {
            #expect(text.contains(figure), "missing \(figure)")
        }
        #expect(info.contains("Page size:       595.") && info.contains("x 841.89 pts (A4)"))
        #expect(info.contains("Pages:           11"))
        #expect(text.contains("—1—") && text.contains("—11—"))
        // The charts are drawn by LibreOffice from the SVG pictures: their legends and labels are in the PDF.
        for label in ["实际累计支付", "累计支付计划", "X03院士工作站及科创服务经费", "计划工期", "延期完成", "截至12月31日"] {
            #expect(text.contains(label), "missing chart label \(label)")
        }
    }

    /// Every enumeration comma of the document is in the PDF: a 、 that falls at the end of a full line used to be
    /// dropped ("科学普及、提升" printed as "科学普及提升").
    @Test func noPunctuationIsLostAtTheEndOfALine() throws {
        let docx = try DocxRenderer.render(OfficeDocumentTests.document("hp-kexie-2022.json"))
        let (text, _) = try pdfText(try LibreOfficeConverter().convert(docx, fileExtension: "docx"))
        #expect(text.contains("科学普及、提升公众科学素质"))
        let body = String(decoding: try #require(try PackageReader().parts(of: docx)["word/document.xml"]), as: UTF8.self)
        #expect(text.filter { $0 == "、" }.count >= body.filter { $0 == "、" }.count)
    }

    /// The text of each page, as words with the bottom of their line (points from the top of the page).
    private func pages(_ pdf: Data) throws -> [[(word: String, bottom: Double)]] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let layout = try Command.run("pdftotext", ["-bbox", file.path, "-"]).stdout
        return layout.components(separatedBy: "<page ").dropFirst().map { page in
            page.components(separatedBy: "<word ").dropFirst().compactMap { word in
                guard let bottom = word.firstMatch(of: /yMax="([0-9.]+)"/).flatMap({ Double($0.1) }),
                      let text = word.firstMatch(of: />([^<]*)</)?.1 else { return nil }
                return (String(text), bottom)
            }
        }
    }

    /// No page is left mostly empty where the layout does not require it (only the page the text ends on, before
    /// the score table, the score table's last page before an annex, and the last page may be short), the
    /// signature shares its page with the text, and the score table's last page holds at least three of its rows
    /// with the total.
    @Test("pages are filled and the score table ends with three rows and its total", arguments: Fixtures.examples)
    func pagesAreFilled(name: String) throws {
        let document = try OfficeDocumentTests.document(name)
        let pages = try pages(try OfficialPDF().render(document))
        let style = OfficialStyle()
        let top = style.marginTop * 72 / 25.4, bottom = (style.pageHeight - style.marginBottom) * 72 / 25.4
        guard case .signature(let signature)? = document.blocks.first(where: {
            if case .signature = $0 { true } else { false }
        }), let date = signature.last else { Issue.record("no signature"); return }
        // The score table is the last table that is not an annex of its own; its last page is the one with 总分.
        let tables = document.blocks.compactMap { block -> Table? in if case .table(let table) = block { table } else { nil } }
        guard let scores = tables.last(where: { $0.sheet == nil }) else { Issue.record("no score table"); return }
        let totalPage = try #require(pages.lastIndex { $0.contains { $0.word.contains("总分") } })
        for (number, words) in pages.enumerated().dropLast() where number != totalPage {
            let text = words.map(\.word).joined()
            guard !text.contains(date.filter { !$0.isWhitespace }) else {
                // The signature and date never stand alone: the text's last lines share their page.
                let signatureText = signature.joined().filter { !$0.isWhitespace }
                #expect(text.count > signatureText.count + 20, "the signature of \(name) stands alone: \(text)")
                continue
            }
            let lowest = words.map(\.bottom).filter { $0 <= bottom + 2 }.max() ?? top
            #expect((lowest - top) / (bottom - top) > 0.75, "page \(number + 1) of \(name) is filled to \(lowest)")
        }
        let names = scores.grid.dropFirst(scores.headerRowCount).dropLast().compactMap { row -> String? in
            if case .cell(let cell) = row[2] { cell.text.filter { !$0.isWhitespace } } else { nil }
        }
        let last = pages[totalPage].map(\.word).joined()
        // A name wrapped in its cell is read interleaved with the next columns: its first four characters are
        // on its first line.
        #expect(names.suffix(3).allSatisfy { last.contains($0.prefix(4)) }, "the last page of \(name) holds: \(last)")
    }

    /// Many reports converted together (the batch a province's `report --all` uses) print as each alone does.
    @Test func reportsConvertedTogetherPrintAsEachAlone() throws {
        let documents = try Fixtures.examples.map { try OfficeDocumentTests.document($0) }
        let together = try OfficialPDF().render(documents, batchSize: 2)
        #expect(together.count == documents.count)
        for (document, pdf) in zip(documents, together) {
            let alone = try OfficialPDF().render(document)
            #expect(try pdfText(pdf).text == pdfText(alone).text)
            #expect(OfficialPDF.pageCount(pdf) == OfficialPDF.pageCount(alone) && OfficialPDF.pageCount(pdf) > 1)
        }
    }

    @Test func theScoreWorkbookPrintsFromCalc() throws {
        let xlsx = try XlsxRenderer.render(OfficeDocumentTests.document("demo-health-hubei-2023.json"))
        let (text, _) = try pdfText(try LibreOfficeConverter().convert(xlsx, fileExtension: "xlsx"))
        for figure in ["1326.50", "1099.10", "82.86%", "85.21", "6.00", "基层服务能力"] {
            #expect(text.contains(figure), "missing \(figure)")
        }
    }

    @Test func aMissingLibreOfficeIsExplained() throws {
        #expect(throws: LibreOfficeConverter.ConversionError.notInstalled) {
            try LibreOfficeConverter(searchPath: "/nonexistent").convert(Data(), fileExtension: "docx")
        }
        #expect(LibreOfficeConverter.ConversionError.notInstalled.description.contains("libreoffice-writer-nogui"))
    }
}
