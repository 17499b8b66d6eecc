import Foundation
import ZIPFoundation

/// Reads the parts of an Office file (DOCX, XLSX) that may come from anyone: entry count and total size are capped
/// (zip bombs), entry names that would escape the package are refused, and a damaged file fails with a message.
public struct PackageReader: Sendable {
    /// Why a package cannot be read.
    public enum ReadError: Error, CustomStringConvertible, Equatable {
        case notAZip
        case tooManyEntries(limit: Int)
        case tooLarge(limitBytes: Int)
        case unsafeEntryName(String)
        case damagedEntry(String)

        public var description: String {
            switch self {
            case .notAZip: "is not an Office file (not a ZIP archive, or truncated)"
            case .tooManyEntries(let limit): "has more than \(limit) parts"
            case .tooLarge(let limit): "unpacks to more than \(limit / 1_048_576) MiB"
            case .unsafeEntryName(let name): "contains a part named \"\(name)\" outside the package"
            case .damagedEntry(let name): "has a damaged part \"\(name)\""
            }
        }

        /// The same in Chinese.
        public var chinese: String {
            switch self {
            case .notAZip: "不是 Office 文件（不是 ZIP 压缩包，或文件不完整）"
            case .tooManyEntries(let limit): "文件部件超过 \(limit) 个，拒绝读取"
            case .tooLarge(let limit): "解压后超过 \(limit / 1_048_576) MiB，拒绝读取"
            case .unsafeEntryName(let name): "含有指向文件外部的部件“\(name)”，拒绝读取"
            case .damagedEntry(let name): "文件部件“\(name)”已损坏"
            }
        }
    }

    public var maximumEntries: Int
    public var maximumUncompressedBytes: Int

    public init(maximumEntries: Int = 1_000, maximumUncompressedBytes: Int = 256 * 1_048_576) {
        self.maximumEntries = maximumEntries
        self.maximumUncompressedBytes = maximumUncompressedBytes
    }

    /// The paths of the ZIP file at `url`, read from its directory without unpacking anything.
    public static func names(in url: URL) throws(ReadError) -> [String] {
        do { return try Archive(url: url, accessMode: .read).map(\.path) } catch { throw .notAZip }
    }

    /// Every file part by its path inside the package.
    public func parts(of data: Data) throws(ReadError) -> [String: Data] {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch { throw .notAZip }
        var parts: [String: Data] = [:]
        try eachPart(of: archive, where: { _ in true }) { name in
            parts[name] = Data()
            return { parts[name]!.append($0) }
        }
        return parts
    }

    /// The file parts of the ZIP file at `url` whose path `wanted` accepts, each written to a file of its own in
    /// `directory` (numbered, keeping its file name) chunk by chunk, so the archive is never held in memory: each
    /// part's path inside the archive with the file it was written to, in archive order.
    public func extract(_ url: URL, to directory: URL,
                        where wanted: (String) -> Bool) throws(ReadError) -> [(path: String, file: URL)] {
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch { throw .notAZip }
        var written: [(path: String, file: URL)] = []
        var open: FileHandle?
        defer { try? open?.close() }
        try eachPart(of: archive, where: wanted) { name in
            try open?.close()
            let file = directory.appendingPathComponent(String(format: "%06d-", written.count)
                + (name.split(separator: "/").last.map(String.init) ?? "part"))
            guard FileManager.default.createFile(atPath: file.path, contents: nil) else { throw ReadError.damagedEntry(name) }
            let handle = try FileHandle(forWritingTo: file)
            open = handle
            written.append((name, file))
            return { try handle.write(contentsOf: $0) }
        }
        return written
    }

    /// Each file part `wanted` accepts, its content handed chunk by chunk to the consumer `start` gives for its
    /// name — after the checks every part passes: no more than ``maximumEntries``, no name outside the package, and
    /// no more than ``maximumUncompressedBytes`` declared or really inflated, across every part.
    private func eachPart(of archive: Archive, where wanted: (String) -> Bool,
                          start: (String) throws -> (Data) throws -> Void) throws(ReadError) {
        // What the archive declares refuses an honest bomb early; what really comes out is what is capped.
        var declared = 0
        var inflated = 0
        var count = 0
        for entry in archive {
            count += 1
            guard count <= maximumEntries else { throw .tooManyEntries(limit: maximumEntries) }
            let name = entry.path
            guard !name.hasPrefix("/"), !name.split(separator: "/").contains(".."), !name.contains("\\") else {
                throw .unsafeEntryName(name)
            }
            guard entry.type == .file, wanted(name) else { continue }
            declared += Int(clamping: entry.uncompressedSize)
            guard declared <= maximumUncompressedBytes else { throw .tooLarge(limitBytes: maximumUncompressedBytes) }
            do {
                let consume = try start(name)
                _ = try archive.extract(entry) { chunk in
                    // The declared sizes can lie: count what really comes out, across every entry.
                    inflated += chunk.count
                    if inflated > maximumUncompressedBytes { throw ReadError.tooLarge(limitBytes: maximumUncompressedBytes) }
                    try consume(chunk)
                }
            } catch let error as ReadError {
                throw error
            } catch {
                throw .damagedEntry(name)
            }
        }
    }
}
