import JixiaoCore

/// The parts of a stored year that a store keeps in the bundle's own JSON — the template choice, the key tasks, the
/// report's sections and the projects (each with its template and indicator tree) — read as a bundle's are, so that
/// the store builds the year from its typed rows and these without reading a whole bundle.
public struct KeptParts: Sendable {
    public var template: EvaluationTemplate
    public var templateChoice: TemplateChoice
    public var tasks: [String]
    public var narrative: [NarrativeSection: String]
    public var projects: [Project]
}

extension BundleReader {
    /// Reads the parts a store keeps as JSON, given the year's `lines` and `indicators` the projects are checked
    /// against; fails with every fault found, paths named as in a bundle.
    public func keptParts(template: JSONValue, tasks: JSONValue, narrative: JSONValue, projects: [JSONValue],
                          lines: [BudgetLine], indicators: [Indicator], year: Int, file: String) throws -> KeptParts {
        let log = IssueLog()
        let root = JSONNode(value: .object(["template": template, "tasks": tasks, "narrative": narrative,
                                            "projects": .array(projects)]), path: "", log: log)
        let decoding = BundleDecoding(root: root, catalog: catalog)
        let resolved = TemplateDecoder.resolve(root["template"], catalog: catalog)
        let keyTasks = root["tasks"].array().compactMap { $0.string() }
        let narrative = decoding.narrative(root["narrative"])
        let projects = decoding.projects(
            root["projects"], lines: Dictionary(lines.map { ($0.code, $0.kind) }, uniquingKeysWith: { first, _ in first }),
            departmentIndicators: Set(indicators.map(\.id)), year: year)
        guard let resolved, log.issues.isEmpty else { throw InputError(file: file, issues: log.issues) }
        return KeptParts(template: resolved.0, templateChoice: resolved.1, tasks: keyTasks, narrative: narrative,
                         projects: projects)
    }
}
