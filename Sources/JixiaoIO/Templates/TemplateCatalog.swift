import Foundation
import JixiaoCore

/// The built-in evaluation templates, read from the JSON resource files shipped with the module.
public struct TemplateCatalog: Sendable {
    /// The templates, ordered by id.
    public let templates: [EvaluationTemplate]

    /// The built-ins. A broken built-in file is a defect of the release, caught by the tests.
    public static let builtIn: TemplateCatalog = {
        do {
            return try TemplateCatalog(directory: Bundle.module.resourceURL!.appendingPathComponent("Builtin"))
        } catch {
            preconditionFailure("built-in templates are invalid: \(error)")
        }
    }()

    /// Reads every `*.json` template in a directory.
    public init(directory: URL) throws {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        templates = try files.map { try TemplateCatalog.read($0) }.sorted { $0.id < $1.id }
    }

    /// Reads one template file; every fault in it is reported at once.
    public static func read(_ file: URL) throws -> EvaluationTemplate {
        let data = try Data(contentsOf: file)
        let log = IssueLog()
        let value: JSONValue
        do { value = try JSONParser.parse(data) } catch {
            throw InputError(file: file.path, issues: [ValidationIssue(path: "", message: "not valid JSON: \(error)")])
        }
        let template = TemplateDecoder.template(JSONNode(value: value, path: "", log: log))
        guard let template, log.issues.isEmpty else { throw InputError(file: file.path, issues: log.issues) }
        return template
    }

    /// The ids, in order.
    public var ids: [String] { templates.map(\.id) }

    /// The template with an id.
    public func template(id: String) -> EvaluationTemplate? { templates.first { $0.id == id } }
}
