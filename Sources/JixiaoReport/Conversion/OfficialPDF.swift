import Foundation

/// Reports printed as PDF the way GB/T 9704 wants their last page: when the signature and date would stand alone on
/// a page of their own, the body's line spacing is tightened — the standard's own remedy (调整行距) — a line per
/// page at a time, until they share a page with the text (told by converting the text without the signature too
/// and comparing page counts). A document without a signature is converted as it is.
public struct OfficialPDF: Sendable {
    public var converter: LibreOfficeConverter
    /// How many lines per page beyond the standard's the body may be tightened to.
    public var extraLinesAllowed = 2

    public init(converter: LibreOfficeConverter = LibreOfficeConverter()) {
        self.converter = converter
    }

    /// The document as PDF; throws the converter's errors.
    public func render(_ document: ReportDocument, style: OfficialStyle = .gbt9704) throws -> Data {
        try render([document], style: style)[0]
    }

    /// Documents as PDF, in their order: each pass converts every document still to be laid out (with its
    /// unsigned twin) in one LibreOffice run per `batchSize` documents, so a province's reports cost a few runs,
    /// not one each.
    public func render(_ documents: [ReportDocument], style: OfficialStyle = .gbt9704,
                       batchSize: Int = 40) throws -> [Data] {
        var results = [Data?](repeating: nil, count: documents.count)
        var firstTry = [Int: Data]()
        var pending = Array(documents.indices)
        for extra in 0...extraLinesAllowed where !pending.isEmpty {
            var tightened = style
            tightened.linesPerPage += extra
            var stillPending: [Int] = []
            for start in stride(from: 0, to: pending.count, by: max(1, batchSize)) {
                let batch = Array(pending[start..<min(pending.count, start + max(1, batchSize))])
                let converted = try convert(batch.map { documents[$0] }, style: tightened)
                for (index, (signed, bare)) in zip(batch, converted) {
                    if firstTry[index] == nil { firstTry[index] = signed }
                    if bare.map({ Self.pageCount($0) == Self.pageCount(signed) }) ?? true {
                        results[index] = signed
                    } else {
                        stillPending.append(index)
                    }
                }
            }
            pending = stillPending
        }
        // Still alone after the allowed tightening: the standard layout.
        for index in pending { results[index] = firstTry[index] }
        return results.map { $0! }
    }

    /// Each document as PDF with, for a signed one, the PDF of its text without the signature — all in one run.
    private func convert(_ documents: [ReportDocument], style: OfficialStyle) throws -> [(Data, Data?)] {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("jixiao-pdf-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var inputs: [URL] = []
        var positions: [(signed: Int, bare: Int?)] = []
        for (index, document) in documents.enumerated() {
            let signed = directory.appendingPathComponent("\(index)-signed.docx")
            try DocxRenderer.render(document, style: style).write(to: signed)
            inputs.append(signed)
            guard document.blocks.contains(where: Self.isSignature) else {
                positions.append((inputs.count - 1, nil))
                continue
            }
            var unsigned = document
            unsigned.blocks.removeAll(where: Self.isSignature)
            let bare = directory.appendingPathComponent("\(index)-bare.docx")
            try DocxRenderer.render(unsigned, style: style).write(to: bare)
            inputs.append(bare)
            positions.append((inputs.count - 2, inputs.count - 1))
        }
        let outputs = try converter.convert(inputs, to: "pdf",
                                            outputDirectory: directory.appendingPathComponent("pdf", isDirectory: true))
        return try positions.map { position in
            (try Data(contentsOf: outputs[position.signed]), try position.bare.map { try Data(contentsOf: outputs[$0]) })
        }
    }

    private static func isSignature(_ block: ReportDocument.Block) -> Bool {
        if case .signature = block { true } else { false }
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
