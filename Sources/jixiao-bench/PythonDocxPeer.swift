import Foundation
import JixiaoIO
import JixiaoReport

/// The peer for DOCX output: python-docx building a document with the same headings, paragraphs and table cells
/// (no merged cells, no page setup or styles of its own), saved to memory.
enum PythonDocxPeer {
    static let script = #"""
    import io, json, sys, time
    import docx
    path, runs = sys.argv[1], int(sys.argv[2])
    blocks = json.load(open(path, encoding="utf-8"))
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        document = docx.Document()
        for block in blocks:
            if "heading" in block:
                document.add_heading(block["text"], level=block["heading"])
            elif "paragraph" in block:
                document.add_paragraph(block["paragraph"])
            else:
                rows = block["table"]
                table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
                for r, row in enumerate(rows):
                    for c, text in enumerate(row):
                        table.cell(r, c).text = text
        document.save(io.BytesIO())
        samples.append(time.perf_counter() - start)
    samples.sort()
    print(f"{samples[len(samples) // 2] * 1000:.1f}")
    """#

    /// The document's blocks as JSON the script reads: headings, paragraphs and tables as grids of text.
    static func blocks(_ document: ReportDocument) -> JSONValue {
        .array(document.blocks.compactMap { block -> JSONValue? in
            switch block {
            case .heading(let level, let text): .object(["heading": .number(String(level)), "text": .string(text)])
            case .paragraph(let text): .object(["paragraph": .string(text)])
            case .table(let table):
                .object(["table": .array(table.grid.map { row in
                    .array(row.map { slot in
                        if case .cell(let cell) = slot { .string(cell.text) } else { .string("") }
                    })
                })])
            // python-docx cannot place an SVG: the peer writes the caption only (less work than ours).
            case .figure(_, let caption): .object(["paragraph": .string(caption)])
            case .pageBreak: nil
            case .signature(let lines): .object(["paragraph": .string(lines.joined(separator: "\n"))])
            }
        })
    }

    /// The median milliseconds of `runs` runs, or nil when python-docx is not installed.
    static func medianMilliseconds(_ document: ReportDocument, runs: Int) -> Double? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-docx-peer-\(getpid()).json")
        defer { try? FileManager.default.removeItem(at: file) }
        guard (try? Data(blocks(document).serialized().utf8).write(to: file)) != nil else { return nil }
        return Python.medianMilliseconds(script: script, arguments: [file.path, String(runs)])
    }
}
