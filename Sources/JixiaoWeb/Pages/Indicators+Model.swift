import JixiaoCore
import JixiaoReport

/// The indicator tree (一级 → 二级 → 三级) with the target-quality findings beside each target.
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
    let levels: [Level]
    /// Findings about the framework as a whole (weights that do not add up).
    let general: [Finding]

    init(_ year: DepartmentYear) {
        let findings = FindingsEngine.findings(year, evaluation: Evaluator.evaluate(year))
            .filter { $0.theme == .targets || $0.theme == .results }
        code = year.department.code
        name = year.department.name
        self.year = year.year
        general = findings.filter { $0.subject == "indicators" }
        let template = year.template
        let indexed = Array(year.indicators.enumerated())
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
