import Foundation
import JixiaoCore
import JixiaoOffice

/// A department-year with its evidence as one ZIP (`数据包及佐证材料.zip`): `bundle.json` (the bundle), `evidence.json`
/// (`{"format": "jixiao/evidence@1", "files": [{"subject", "name", "sha256", "path"}]}`) and each file under
/// `evidence/`. Reading checks the bundle with the bundle reader and every file against the manifest: present, of an
/// accepted kind by its content, within the size cap, backing a record the year has — every fault at once.
public enum BundleArchive {
    public static let evidenceFormat = "jixiao/evidence@1"

    /// One evidence file.
    public struct File: Sendable, Equatable {
        /// An ``EvidenceSubject``'s stored key.
        public var subject: String
        public var name: String
        /// Lowercase hex SHA-256, as the store recorded it; checked against the bytes by the store on import.
        public var sha256: String
        public var data: Data

        public init(subject: String, name: String, sha256: String, data: Data) {
            self.subject = subject
            self.name = name
            self.sha256 = sha256
            self.data = data
        }
    }

    /// The archive of `year` and its evidence.
    public static func write(_ year: DepartmentYear, evidence: [File]) throws -> Data {
        var files: [(path: String, data: Data)] = [("bundle.json", Data((BundleWriter.encode(year).serialized() + "\n").utf8))]
        var manifest: [JSONValue] = []
        for (index, file) in evidence.enumerated() {
            let path = String(format: "evidence/%03d-", index + 1) + file.name
            files.append((path, file.data))
            manifest.append(.object(["subject": .string(file.subject), "name": .string(file.name),
                                     "sha256": .string(file.sha256), "path": .string(path)]))
        }
        files.insert(("evidence.json", Data((JSONValue.object(["format": .string(evidenceFormat),
                                                               "files": .array(manifest)]).serialized() + "\n").utf8)),
                     at: 1)
        return try ZipWriter.archive(files)
    }

    /// The year and its evidence from an archive named `file`; an ``InputError`` lists every fault.
    public static func read(_ data: Data, file: String) throws -> (DepartmentYear, [File]) {
        let parts: [String: Data]
        do {
            parts = try PackageReader(maximumEntries: EvidenceKind.maximumFiles + 2,
                                      maximumUncompressedBytes: 1_024 * 1_048_576).parts(of: data)
        } catch {
            throw InputError(file: file, issues: [ValidationIssue(path: "", message: error.description,
                                                                  chinese: "压缩包无法读取：\(error.chinese)")])
        }
        guard let bundle = parts["bundle.json"] else {
            throw InputError(file: file, issues: [ValidationIssue(path: "bundle.json", message: "is missing",
                                                                  chinese: "压缩包中没有数据包 bundle.json")])
        }
        let year = try BundleReader().decode(bundle, file: "\(file)/bundle.json")
        guard let manifestData = parts["evidence.json"] else { return (year, []) }
        var issues: [ValidationIssue] = []
        func fail(_ path: String, _ message: String, _ chinese: String) {
            issues.append(ValidationIssue(path: "evidence.json/\(path)", message: message, chinese: chinese))
        }
        guard let manifest = try? JSONParser.parse(manifestData), manifest["format"] == .string(evidenceFormat),
              case .array(let entries)? = manifest["files"] else {
            throw InputError(file: file, issues: [ValidationIssue(
                path: "evidence.json", message: "is not a \(evidenceFormat) manifest",
                chinese: "佐证材料清单 evidence.json 格式不对（应为 \(evidenceFormat)）")])
        }
        let subjects = Set(EvidenceSubject.all(in: year).map(\.storedKey))
        var files: [File] = []
        for (index, entry) in entries.enumerated() {
            let at = "files[\(index)]"
            guard let subject = entry["subject"]?.string, let name = entry["name"]?.string,
                  let sha256 = entry["sha256"]?.string, let path = entry["path"]?.string else {
                fail(at, "needs subject, name, sha256 and path", "须有 subject、name、sha256 和 path")
                continue
            }
            guard let bytes = parts[path] else {
                fail("\(at).path", "\"\(path)\" is not in the archive", "压缩包中没有文件“\(path)”")
                continue
            }
            if !subjects.contains(subject) {
                fail("\(at).subject", "\"\(subject)\" is no record of the year", "“\(subject)”不是本年度的指标、活动、采购或任务")
            }
            if bytes.count > EvidenceKind.maximumBytes {
                fail("\(at).path", "\"\(path)\" is larger than 10 MiB", "“\(path)”超过 10 MB")
            }
            guard let kind = EvidenceKind.detect(bytes) else {
                fail("\(at).path", "\"\(path)\" is not a PDF, PNG, JPEG, DOCX or XLSX file",
                     "“\(path)”不是 PDF、PNG、JPEG、Word 或 Excel 文件")
                continue
            }
            files.append(File(subject: subject, name: kind.safeName(name), sha256: sha256.lowercased(), data: bytes))
        }
        guard issues.isEmpty else { throw InputError(file: file, issues: issues) }
        return (year, files)
    }
}
