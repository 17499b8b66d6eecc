import Foundation
import JixiaoCore

/// Reads a `jixiao/bundle@1` file into a ``DepartmentYear``, or fails with every fault found in it.
public struct BundleReader: Sendable {
    /// The format string a bundle must declare.
    public static let format = "jixiao/bundle@1"

    public var catalog: TemplateCatalog

    public init(catalog: TemplateCatalog = .builtIn) { self.catalog = catalog }

    /// Reads a bundle file.
    public func read(_ file: URL) throws -> DepartmentYear {
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            let reason = (error as NSError).localizedDescription
            throw InputError(file: file.path, issues: [ValidationIssue(path: "", message: "cannot be read: \(reason)",
                                                                       chinese: "无法读取：\(reason)")])
        }
        return try decode(data, file: file.path)
    }

    /// Decodes bundle bytes; `file` names the source in errors.
    public func decode(_ data: Data, file: String = "bundle") throws -> DepartmentYear {
        try decode(JSONParser.document(data, file: file), file: file)
    }

    /// Decodes a bundle already parsed (or assembled from a workbook); `file` names the source in errors.
    public func decode(_ value: JSONValue, file: String) throws -> DepartmentYear {
        let log = IssueLog()
        let year = BundleDecoding(root: JSONNode(value: value, path: "", log: log), catalog: catalog).decode()
        guard let year, log.issues.isEmpty else { throw InputError(file: file, issues: log.issues) }
        return year
    }
}
