import JixiaoCore

extension BundleDecoding {
    /// Codes the pages and commands use for something else: every project (`all`) and a new one (`new`).
    static let reservedProjectCodes: Set<String> = ["all", "new"]

    static let projectFields: Set<String> = ["code", "name", "owner", "lines", "template", "goal", "achieved",
                                             "indicators"]
    /// The template a project is scored by when its entry names none.
    static let defaultProjectTemplate = "national-project-2020"

    /// The projects: unique codes, lines of the year's 项目支出 that belong to one project at most, a template of
    /// their own (the national project template unless named), and an indicator tree checked against it whose ids
    /// are unique across the whole year (the department's tree included).
    func projects(_ node: JSONNode, lines: [String: BudgetLine.Kind], departmentIndicators: Set<String>,
                  year: Int?) -> [Project] {
        var codes: Set<String> = []
        var owners: [String: String] = [:]
        var indicatorIDs = departmentIndicators
        return node.array().compactMap { entry in
            guard entry.object(allowing: BundleDecoding.projectFields) else { return nil }
            let code = entry["code"].string()
            if let code, Self.reservedProjectCodes.contains(code.lowercased()) {
                entry["code"].fail("\"\(code)\" is reserved (all, new)", "“\(code)”是保留字（all、new），请换一个项目编码")
            } else if let code, !codes.insert(code).inserted {
                entry["code"].fail("\"\(code)\" is used by another project", "“\(code)”与其他项目的编码重复")
            }
            let name = entry["name"].string()
            let projectLines = entry["lines"].array(required: true, nonEmpty: true).compactMap { line -> String? in
                guard let lineCode = line.string() else { return nil }
                switch lines[lineCode] {
                case nil:
                    line.fail("\"\(lineCode)\" is not the code of a budget line", "“\(lineCode)”不是预算项目编码")
                case .basic?:
                    line.fail("\"\(lineCode)\" is a basic-expenditure line (a project has 项目支出 lines only)",
                              "“\(lineCode)”是基本支出，项目只能包含项目支出")
                case .project?:
                    if let other = owners[lineCode] {
                        line.fail("\"\(lineCode)\" already belongs to project \(other)", "“\(lineCode)”已属于项目 \(other)")
                    } else if let code {
                        owners[lineCode] = code
                    }
                }
                return lineCode
            }
            let resolved = entry["template"].isPresent
                ? TemplateDecoder.resolve(entry["template"], catalog: catalog)
                : catalog.template(id: Self.defaultProjectTemplate).map { ($0, TemplateChoice(base: $0.id)) }
            for indicator in entry["indicators"].array() {
                guard let id = indicator["id"].peekedString else { continue }
                if !indicatorIDs.insert(id).inserted {
                    indicator["id"].fail("\"\(id)\" is used by another indicator of the year",
                                         "“\(id)”与本年度其他指标的编号重复")
                }
            }
            let indicators = self.indicators(entry["indicators"], template: resolved?.0, year: year)
            guard let code, let name, let resolved else { return nil }
            return Project(code: code, name: name, owner: entry["owner"].string(required: false) ?? "",
                           lines: projectLines, template: resolved.0, templateChoice: resolved.1,
                           goal: entry["goal"].string(required: false) ?? "",
                           achieved: entry["achieved"].string(required: false) ?? "", indicators: indicators)
        }
    }
}
