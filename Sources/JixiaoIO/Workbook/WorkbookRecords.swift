import JixiaoCore

/// The year's records as workbook rows: field key (as in ``WorkbookLayout``) → value.
enum WorkbookRecords {
    typealias Row = [String: WorkbookCells.Value]

    /// 基本情况's values by key (tasks are written one per row separately).
    static func basic(_ year: DepartmentYear) -> [String: WorkbookCells.Value?] {
        let overrides: WorkbookCells.Value? = {
            guard case .object(let members) = BundleWriter.template(year.templateChoice) else { return nil }
            return .text(JSONValue.object(members.filter { $0.key != "base" }).serialized())
        }()
        var values: [String: WorkbookCells.Value?] = [
            "year": .number(String(year.year)),
            "template": .text(year.templateChoice.base),
            "templateOverrides": overrides,
            "moneyUnit": .text(WorkbookLayout.moneyUnits.first { $0.value == year.moneyUnit.rawValue }!.label),
            "department.code": text(year.department.code),
            "department.name": text(year.department.name),
            "department.overview": text(year.department.overview),
            "goal": text(year.goal),
        ]
        for section in NarrativeSection.allCases {
            values["narrative." + section.rawValue] = year.narrative[section].map(WorkbookCells.Value.text)
        }
        return values
    }

    private static func text(_ value: String) -> WorkbookCells.Value? { value.isEmpty ? nil : .text(value) }

    static func line(_ line: BudgetLine) -> Row {
        var row: Row = ["code": .text(line.code), "name": .text(line.name), "kind": .text(line.kind.rawValue),
                        "initial": .money(line.initial), "adjusted": .money(line.adjusted)]
        row["executed"] = line.declaredExecuted.map(WorkbookCells.Value.money)
        row["source"] = line.source.map { .text($0.rawValue) }
        return row
    }

    /// A project (its indicators go to 绩效指标 with its code).
    static func project(_ project: Project) -> Row {
        var row: Row = ["code": .text(project.code), "name": .text(project.name),
                        "lines": .text(project.lines.joined(separator: "、")),
                        "template": .text(project.templateChoice.base)]
        row["owner"] = text(project.owner)
        row["goal"] = text(project.goal)
        row["achieved"] = text(project.achieved)
        return row
    }

    /// A line's amounts by month (its plan, or last year's payments) as one row.
    static func monthly(_ line: BudgetLine, _ months: [MonthlyAmount]) -> Row {
        var row: Row = ["code": .text(line.code), "name": .text(line.name)]
        for entry in months { row["month\(entry.month)"] = .money(entry.amount) }
        return row
    }

    /// One row per progress report of every indicator.
    static func progress(_ indicators: [Indicator]) -> [Row] {
        indicators.flatMap { indicator in
            indicator.progress.map { progress in
                var row: Row = ["indicator": .text(indicator.id), "asOf": .date(progress.asOf),
                                "actual": .text(progress.actualText)]
                row["projected"] = progress.projectedText.map(WorkbookCells.Value.text)
                row["likelihood"] = progress.likelihood.map { .text($0.rawValue) }
                row["cause"] = progress.cause.map { .text($0.rawValue) }
                row["remedy"] = text(progress.remedy)
                return row
            }
        }
    }

    static func task(_ task: WorkTask) -> Row {
        var row: Row = ["id": .text(task.id), "title": .text(task.title), "start": .date(task.start),
                        "due": .date(task.due), "status": .text(task.status.rawValue),
                        "progress": .number(task.progress.description)]
        row["keyTask"] = task.keyTask.map { .number(String($0)) }
        row["owner"] = text(task.owner)
        row["deliverable"] = text(task.deliverable)
        row["requirement"] = text(task.requirement)
        row["indicators"] = text(task.indicators.joined(separator: "、"))
        row["lines"] = text(task.lines.joined(separator: "、"))
        row["completed"] = task.completed.map(WorkbookCells.Value.date)
        return row
    }

    /// One row per planned payment of every task.
    static func taskPayments(_ tasks: [WorkTask]) -> [Row] {
        tasks.flatMap { task in
            task.plannedPayments.map { payment in
                ["task": .text(task.id), "line": .text(payment.line), "month": .number(String(payment.month)),
                 "amount": .money(payment.amount)]
            }
        }
    }

    static func payment(_ payment: Payment) -> Row {
        var row: Row = ["line": .text(payment.line), "date": .date(payment.date), "amount": .money(payment.amount)]
        row["payee"] = text(payment.payee)
        row["voucher"] = text(payment.voucher)
        row["memo"] = text(payment.memo)
        return row
    }

    static func indicator(_ indicator: Indicator) -> Row {
        var row: Row = [
            "id": .text(indicator.id), "level1": .text(indicator.level1), "level2": .text(indicator.level2),
            "name": .text(indicator.name), "nature": .text(indicator.nature.rawValue),
            "direction": .text(indicator.direction.rawValue), "target": .text(indicator.targetText),
            "weight": .number(indicator.weight.description),
        ]
        row["unit"] = text(indicator.unit)
        row["actual"] = indicator.actualText.map(WorkbookCells.Value.text)
        if let measure = indicator.measure {
            row["measure.aggregate"] = .text(measure.aggregate.rawValue)
            row["measure.field"] = measure.field.map {
                .text($0 == "audience" ? WorkbookLayout.audienceHeader : $0)
            }
            row["measure.where.kind"] = measure.filter["kind"].map(WorkbookCells.Value.text)
            row["measure.where.title"] = measure.filter["title"].map(WorkbookCells.Value.text)
        }
        row["grade"] = indicator.grade.map { .text($0.rawValue) }
        switch indicator.rule {
        case .tiers(let tiers)?:
            row["rule.type"] = .text("tiers")
            row["rule.tiers"] = .text(TierText.write(tiers))
        case let .deduction(direction, bound, step, points)?:
            row["rule.type"] = .text("deduction")
            row["rule.direction"] = .text(direction.rawValue)
            row["rule.bound"] = .number(bound.description)
            row["rule.step"] = .number(step.description)
            row["rule.points"] = .number(points.description)
        case nil:
            break
        }
        if let manual = indicator.manualScore {
            row["score"] = .number(manual.score.description)
            row["scoreReason"] = .text(manual.reason)
        }
        row["deviation"] = text(indicator.deviation)
        row["formula"] = text(indicator.formula)
        row["source"] = text(indicator.dataSource)
        return row
    }

    /// One placeholder row per 二级 of the template: 一级, 二级 and an even share of the level's points.
    static func framework(_ template: EvaluationTemplate) -> [Row] {
        template.levels.flatMap { level -> [Row] in
            let children = level.children.isEmpty ? [""] : level.children
            let share = template.indicatorWeight(of: level) / Rational(children.count)
            return children.map { child in
                var row: Row = ["level1": .text(level.name), "weight": .number(share.description)]
                row["level2"] = text(child)
                row["nature"] = .text(level.numericChildren.contains(child) ? "quantitative" : "qualitative")
                return row
            }
        }
    }

    static func activity(_ activity: Activity) -> Row {
        var row: Row = ["date": .date(activity.date), "title": .text(activity.title)]
        row["kind"] = text(activity.kind)
        for (key, value) in activity.quantities { row[key] = .number(value.description) }
        return row
    }

    static func procurement(_ procurement: Procurement) -> Row {
        var row: Row = ["name": .text(procurement.name), "amount": .money(procurement.amount)]
        row["line"] = procurement.line.map(WorkbookCells.Value.text)
        let dates: [(String, CivilDate?)] = [
            ("intentPublished", procurement.intentPublished), ("started", procurement.started),
            ("awarded", procurement.awarded), ("contractSigned", procurement.contractSigned),
            ("contractPublished", procurement.contractPublished), ("contractFiled", procurement.contractFiled),
        ]
        for case let (key, date?) in dates { row[key] = .date(date) }
        return row
    }

    static func assets(_ assets: Assets) -> Row {
        var row: Row = ["asOf": .date(assets.asOf), "current": .money(assets.current),
                        "nonCurrent": .money(assets.nonCurrent)]
        row["total"] = assets.declaredTotal.map(WorkbookCells.Value.money)
        return row
    }
}

/// The 分档设置 cell: `0:10；1:6；其余:0` — upper bound and points per tier, the last tier without a bound.
enum TierText {
    static func write(_ tiers: [ScoringRule.Tier]) -> String {
        tiers.map { "\($0.upTo?.description ?? "其余"):\($0.score)" }.joined(separator: "；")
    }

    /// The tiers as bundle JSON entries; nil when the text is not in this form.
    static func read(_ text: String) -> [JSONValue]? {
        let entries = text.split { $0 == "；" || $0 == ";" }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard !entries.isEmpty else { return nil }
        var tiers: [JSONValue] = []
        for entry in entries {
            let parts = entry.split(omittingEmptySubsequences: false) { $0 == ":" || $0 == "：" }
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, Rational(decimal: parts[1]) != nil else { return nil }
            if ["其余", "*", ""].contains(parts[0]) {
                tiers.append(.object(["score": .string(parts[1])]))
            } else {
                guard Rational(decimal: parts[0]) != nil else { return nil }
                tiers.append(.object(["upTo": .string(parts[0]), "score": .string(parts[1])]))
            }
        }
        return tiers
    }
}

import Foundation
