import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoOffice

/// `jixiao import ARCHIVE.zip`: a department's 数据包及佐证材料.zip (`bundle.json` with its evidence) as one import,
/// or a province's archive of bundles and workbooks — in any folder — as a batch: each part written out one at a time
/// to a temporary directory (the archive is never held in memory) and imported as a directory would be.
enum ArchiveImport {
    /// The most parts and bytes a province's archive may unpack to (2·10⁴ departments with their payments).
    static let reader = PackageReader(maximumEntries: 100_000, maximumUncompressedBytes: 64 * 1_073_741_824)

    /// The year and evidence of a department's archive (one holding `bundle.json` at its root); nil for any other.
    static func departmentArchive(at url: URL) throws -> (DepartmentYear, [BundleArchive.File])? {
        guard try PackageReader.names(in: url).contains("bundle.json") else { return nil }
        return try BundleArchive.read(Data(contentsOf: url), file: url.lastPathComponent)
    }

    /// Every bundle and workbook in the archive imported, as ``DirectoryImport`` imports a directory.
    static func run(_ url: URL, replace: Bool, jobs: Int, store: StoreOptions) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        let parts: [(path: String, file: URL)]
        do {
            parts = try reader.extract(url, to: directory, where: DirectoryImport.imports)
        } catch {
            throw InputError(file: url.lastPathComponent, issues: [ValidationIssue(
                path: "", message: error.description, chinese: "压缩包无法读取：\(error.chinese)")])
        }
        try await DirectoryImport(origin: url.path, sources: parts.map { DirectoryImport.Source(name: $0.path, file: $0.file) },
                                  replace: replace, jobs: jobs, store: store).run()
    }
}
