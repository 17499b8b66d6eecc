import JixiaoCore
import JixiaoReport

/// The indicator tree (一级 → 二级 → 三级) with the target-quality findings beside each target: the department's
/// own tree, or one project's by its own template.
struct IndicatorsModel {
    struct Level {
        let name: String
        let expectedWeight: String
        let actualWeight: String
        let groups: [Group]
    }

    struct Group {
        let name: String
        let indicators: [Item]
    }

    struct Item {
        let id: String
        let name: String
        let nature: String
        let target: String
        let weight: String
        let findings: [Finding]
        /// The latest progress reported during the year.
        let progress: IndicatorProgress?
    }

    let code: String
    let name: String
    let year: Int
    /// The year's projects, to choose a tree by.
    let projects: [(code: String, name: String)]
    /// The project whose tree is shown; nil for the department's own.
    let project: (code: String, name: String)?
    /// The template the tree is scored by.
    let templateName: String
    let levels: [Level]
    /// Findings about the framework as a whole (weights that do not add up).
    let general: [Finding]

    /// The department's tree (its findings from `assessment`), or the tree of the project coded `projectCode` when
    /// the year has one.
    init(_ year: DepartmentYear, assessment: Assessment, projectCode: String? = nil) {
        code = year.department.code
        name = year.department.name
        self.year = year.year
        projects = year.projects.map { (code: $0.code, name: $0.name) }
        let index = year.projects.firstIndex { $0.code == projectCode }
        let tree: DepartmentYear
        let findings: [Finding]
        if let index {
            let chosen = year.projects[index]
            project = (code: chosen.code, name: chosen.name)
            tree = year.year(of: chosen)
            let prefix = "projects[\(index)]."
            findings = FindingsEngine.findings(ofProject: index, in: year).compactMap { finding in
                guard let subject = finding.subject, subject.hasPrefix(prefix) else { return nil }
                var own = finding
                own.subject = String(subject.dropFirst(prefix.count))
                return own
            }
        } else {
            project = nil
            tree = year
            findings = assessment.findings.filter { $0.theme == .targets || $0.theme == .results }
        }
        templateName = tree.template.name
        general = findings.filter { $0.subject == "indicators" }
        let template = tree.template
        let indexed = Array(tree.indicators.enumerated())
        levels = template.levels.map { level in
            let inLevel = indexed.filter { $0.element.level1 == level.name }
            let order = level.children + inLevel.map(\.element.level2).filter { !level.children.contains($0) }
            let groups = order.compactMap { child -> Group? in
                let items = inLevel.filter { $0.element.level2 == child }.map { index, indicator in
                    Item(id: indicator.id, name: indicator.name, nature: indicator.nature.chinese,
                         target: IndicatorText.target(indicator),
                         weight: indicator.weight.description,
                         findings: findings.filter { $0.subject == "indicators[\(index)]" },
                         progress: indicator.progress.last)
                }
                return items.isEmpty ? nil : Group(name: child, indicators: items)
            }
            return Level(name: level.name, expectedWeight: template.indicatorWeight(of: level).description,
                         actualWeight: inLevel.map(\.element.weight).sum().description, groups: groups)
        }
    }
}
