import Foundation
import JixiaoOffice

/// The kinds of file accepted as evidence (佐证材料): PDF, PNG and JPEG images, Word and Excel (OOXML) documents —
/// established from the content, never from the name or the type a browser claims, so nothing that a browser would
/// run or render as a page gets in.
public enum EvidenceKind: String, Sendable, CaseIterable {
    case pdf
    case png
    case jpeg
    case docx
    case xlsx

    /// The largest evidence file accepted, in bytes (10 MiB).
    public static let maximumBytes = 10 * 1_048_576
    /// The most evidence files a department-year holds.
    public static let maximumFiles = 500

    /// The media type files of this kind are served with.
    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }

    /// The file name extension of this kind.
    public var fileExtension: String { rawValue }

    /// The kind of `data`, or nil when it is none of the accepted kinds (an Office package must hold the main part
    /// of a Word document or a workbook).
    public static func detect(_ data: Data) -> EvidenceKind? {
        let head = [UInt8](data.prefix(8))
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]),
           let parts = try? PackageReader(maximumEntries: 2_000, maximumUncompressedBytes: 64 * 1_048_576).parts(of: data),
           parts["[Content_Types].xml"] != nil {
            if parts["word/document.xml"] != nil { return .docx }
            if parts["xl/workbook.xml"] != nil { return .xlsx }
        }
        return nil
    }

    /// A file name safe to store and to offer for download: the base name without control or path characters,
    /// at most 100 characters, with this kind's extension.
    public func safeName(_ name: String) -> String {
        let base = (name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? "")
            .filter { character in
                if character.isASCII { return character.isLetter || character.isNumber || "-_.() ".contains(character) }
                return character.unicodeScalars.allSatisfy { scalar in
                    ![.control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned]
                        .contains(scalar.properties.generalCategory)
                }
            }
        var stem = base.hasSuffix(".\(fileExtension)") ? String(base.dropLast(fileExtension.count + 1)) : base
        stem = String(stem.trimmingCharacters(in: .whitespaces).prefix(100))
        return (stem.isEmpty ? "佐证材料" : stem) + "." + fileExtension
    }
}
