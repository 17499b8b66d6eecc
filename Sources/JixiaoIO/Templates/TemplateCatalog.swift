import Foundation
import JixiaoCore

/// What a bundle is read against: the evaluation templates it may name and the official working-day calendar its
/// deadlines are counted by. The built-in ones are compiled into the binary (``BuiltinResources``), so a program
/// installed anywhere carries them; an administrator extends the calendar with a file (``WorkCalendarFile``).
public struct TemplateCatalog: Sendable {
    /// The templates, ordered by id.
    public let templates: [EvaluationTemplate]
    /// The working-day calendar.
    public let workCalendar: WorkCalendar
    /// The thresholds the findings rules use (the bureau's settings file, else the defaults).
    public let checks: FindingThresholds

    public init(templates: [EvaluationTemplate], workCalendar: WorkCalendar, checks: FindingThresholds = FindingThresholds()) {
        self.templates = templates.sorted { $0.id < $1.id }
        self.workCalendar = workCalendar
        self.checks = checks
    }

    /// The built-ins, with the administrator's calendar file merged in and the bureau's thresholds when they are
    /// configured and valid.
    public static var builtIn: TemplateCatalog { configured.catalog }

    /// What is wrong with the administrator's calendar file (``WorkCalendarFile/environmentVariable``) or the
    /// bureau's thresholds (``FindingChecksFile/environmentVariable``), if anything: the program then uses the
    /// built-in ones, and the commands refuse to start and say why.
    public static var configurationError: InputError? { configured.error }

    /// A broken built-in is a defect of the release, caught by the tests.
    private static let configured: (catalog: TemplateCatalog, error: InputError?) = {
        let templates: [EvaluationTemplate]
        let calendar: WorkCalendar
        do {
            templates = try BuiltinResources.templates.map { try read(Data($0.json.utf8), file: $0.name) }
            calendar = try WorkCalendarFile.decode(Data(BuiltinResources.workCalendar.utf8), file: "cn-work-calendar.json")
        } catch {
            preconditionFailure("the built-in templates or the working-day calendar are invalid: \(error)")
        }
        do {
            return (TemplateCatalog(templates: templates, workCalendar: try WorkCalendarFile.configured(builtIn: calendar),
                                    checks: try FindingChecksFile.configured()), nil)
        } catch {
            return (TemplateCatalog(templates: templates, workCalendar: calendar), error as? InputError)
        }
    }()

    /// Reads one template; every fault in it is reported at once.
    public static func read(_ data: Data, file: String) throws -> EvaluationTemplate {
        let log = IssueLog()
        let template = TemplateDecoder.template(JSONNode(value: try JSONParser.document(data, file: file), path: "",
                                                         log: log))
        guard let template, log.issues.isEmpty else { throw InputError(file: file, issues: log.issues) }
        return template
    }

    /// The ids, in order.
    public var ids: [String] { templates.map(\.id) }

    /// What to tell someone who named a template the catalog lacks: the ones it has.
    public func unknown(_ id: String) -> String {
        "“\(id)”不是内置评价模板（可选：\(ids.joined(separator: "、"))）"
    }

    /// The template with an id.
    public func template(id: String) -> EvaluationTemplate? { templates.first { $0.id == id } }
}
