import Foundation

/// A report printed as PDF the way GB/T 9704 wants its last page: when the signature and date would stand alone on
/// a page of their own, the body's line spacing is tightened — the standard's own remedy (调整行距) — a line per
/// page at a time, until they share a page with the text. A document without a signature is converted as it is.
public struct OfficialPDF: Sendable {
    public var converter: LibreOfficeConverter
    /// How many lines per page beyond the standard's the body may be tightened to.
    public var extraLinesAllowed = 2

    public init(converter: LibreOfficeConverter = LibreOfficeConverter()) {
        self.converter = converter
    }

    /// The document as PDF; throws the converter's errors.
    public func render(_ document: ReportDocument, style: OfficialStyle = .gbt9704) throws -> Data {
        guard document.blocks.contains(where: { if case .signature = $0 { true } else { false } }) else {
            return try converter.convert(try DocxRenderer.render(document, style: style), fileExtension: "docx")
        }
        var unsigned = document
        unsigned.blocks.removeAll { if case .signature = $0 { true } else { false } }
        var first: Data?
        for extra in 0...extraLinesAllowed {
            var tightened = style
            tightened.linesPerPage += extra
            let (signed, bare) = try convertBoth(document, unsigned, style: tightened)
            if first == nil { first = signed }
            if Self.pageCount(signed) == Self.pageCount(bare) { return signed }
        }
        return first!
    }

    /// Both documents in one LibreOffice run.
    private func convertBoth(_ signed: ReportDocument, _ bare: ReportDocument,
                             style: OfficialStyle) throws -> (Data, Data) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("jixiao-pdf-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputs = [directory.appendingPathComponent("signed.docx"), directory.appendingPathComponent("bare.docx")]
        try DocxRenderer.render(signed, style: style).write(to: inputs[0])
        try DocxRenderer.render(bare, style: style).write(to: inputs[1])
        let outputs = try converter.convert(inputs, to: "pdf",
                                            outputDirectory: directory.appendingPathComponent("pdf", isDirectory: true))
        return (try Data(contentsOf: outputs[0]), try Data(contentsOf: outputs[1]))
    }

    /// The number of pages of a PDF as LibreOffice writes it: its page objects (`/Type /Page`, not `/Pages`).
    static func pageCount(_ pdf: Data) -> Int {
        let marker = Array("/Type".utf8), page = Array("/Page".utf8)
        let bytes = [UInt8](pdf)
        var count = 0
        var index = 0
        while index + marker.count < bytes.count {
            guard bytes[index] == marker[0], bytes[index..<index + marker.count].elementsEqual(marker) else {
                index += 1
                continue
            }
            var next = index + marker.count
            while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x0A || bytes[next] == 0x0D { next += 1 }
            if next + page.count < bytes.count, bytes[next..<next + page.count].elementsEqual(page),
               !(bytes[next + page.count] == UInt8(ascii: "s")) {
                count += 1
            }
            index = next
        }
        return count
    }
}
