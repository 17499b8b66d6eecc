import JixiaoCore
import JixiaoIO
import Vapor

/// A project as posted: what the project is (code, name, 实施单位, its 项目支出 lines, its template) and its 年度总体目标
/// with what was achieved, turned into a bundle `projects` entry for the bundle reader. Its indicator tree and the
/// template's overrides stay as stored.
struct ProjectForm: Content {
    var code: String?
    var name: String?
    var owner: String?
    var template: String?
    var lines: [String]?
    var goal: String?
    var achieved: String?
    /// The digest of the year's project list the form was opened on.
    var digest: String?

    init(_ project: Project? = nil, digest: String? = nil) {
        code = project?.code
        name = project?.name
        owner = project?.owner
        template = project?.template.id ?? ProjectForm.defaultTemplate
        lines = project?.lines ?? []
        goal = project?.goal
        achieved = project?.achieved
        self.digest = digest
    }

    /// The template a new project is scored by unless another is chosen (the bundle's default).
    static let defaultTemplate = "national-project-2020"

    /// The entry: the form's members over `stored` (the project as the bundle writes it, or nothing for a new one),
    /// and the faults only the form sees. A template left as stored keeps its overrides.
    func entry(over stored: JSONValue?) -> (JSONValue, FieldErrors) {
        var errors = FieldErrors()
        let text = FormText.clean
        if text(code).isEmpty { errors["code"] = "请填写项目编码，如 P04" }
        if text(name).isEmpty { errors["name"] = "请填写项目名称" }
        let chosen = text(template).isEmpty ? ProjectForm.defaultTemplate : text(template)
        let storedTemplate = stored?["template"]
        let keptTemplate = storedTemplate.flatMap { $0.string ?? $0["base"]?.string } == chosen ? storedTemplate : nil
        var members: [JSONValue.Member] = [.init("code", .string(text(code))), .init("name", .string(text(name)))]
        if !text(owner).isEmpty { members.append(.init("owner", .string(text(owner)))) }
        members += [.init("lines", .array((lines ?? []).map { .string(text($0)) }.filter { $0 != .string("") })),
                    .init("template", keptTemplate ?? .string(chosen))]
        if !text(goal).isEmpty { members.append(.init("goal", .string(text(goal)))) }
        if !text(achieved).isEmpty { members.append(.init("achieved", .string(text(achieved)))) }
        members.append(.init("indicators", stored?["indicators"] ?? .array([])))
        return (.object(members), errors)
    }
}
