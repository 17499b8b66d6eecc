import Foundation
import ZIPFoundation

/// Files written as one ZIP in memory, deflated, every entry with the same fixed date, so the same files always
/// give the same bytes.
public enum ZipWriter {
    /// 1980-01-01T00:00:00Z, the earliest date a ZIP entry can hold.
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    /// The ZIP of `files` (path inside the archive, bytes), in the order given.
    public static func archive(_ files: [(path: String, data: Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for file in files {
            try archive.addEntry(with: file.path, type: .file, uncompressedSize: Int64(file.data.count),
                                 modificationDate: fixedDate, compressionMethod: .deflate) { position, size in
                file.data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}
