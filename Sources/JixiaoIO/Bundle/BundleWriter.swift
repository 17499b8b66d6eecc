import JixiaoCore

/// Writes a department-year as a `jixiao/bundle@1` document, in the money unit and with the template choice it was
/// read with. Reading what it writes gives back an equal department-year.
public enum BundleWriter {
    public static func encode(_ year: DepartmentYear) -> JSONValue {
        let unit = year.moneyUnit
        func money(_ amount: Money) -> JSONValue { .string(amount.decimalString(in: unit)) }
        var members: [JSONValue.Member] = [
            .init("format", .string(BundleReader.format)),
            .init("year", .number(String(year.year))),
            .init("template", template(year.templateChoice)),
            .init("moneyUnit", .string(unit.rawValue)),
            .init("department", .object(["code": .string(year.department.code), "name": .string(year.department.name),
                                         "overview": .string(year.department.overview)])),
            .init("tasks", .array(year.tasks.map(JSONValue.string))),
            .init("goal", .string(year.goal)),
            .init("budget", .object(["lines": .array(year.budgetLines.map { line in
                var fields: [JSONValue.Member] = [
                    .init("code", .string(line.code)), .init("name", .string(line.name)),
                    .init("kind", .string(line.kind.rawValue)),
                ]
                if let source = line.source { fields.append(.init("source", .string(source.rawValue))) }
                fields += [.init("initial", money(line.initial)), .init("adjusted", money(line.adjusted))]
                if let executed = line.declaredExecuted { fields.append(.init("executed", money(executed))) }
                for (key, months) in [("plan", line.plan), ("lastYear", line.lastYear)] where !months.isEmpty {
                    fields.append(.init(key, .array(months.map {
                        .object(["month": .number(String($0.month)), "amount": money($0.amount)])
                    })))
                }
                return .object(fields)
            })])),
            .init("payments", .array(year.payments.map { payment(_: $0, unit: unit) })),
            .init("indicators", .array(year.indicators.map(indicator))),
        ]
        if !year.workPlan.isEmpty { members.append(.init("workPlan", .array(year.workPlan.map { task($0, unit: unit) }))) }
        members += [
            .init("activities", .array(year.activities.map(activity))),
            .init("procurements", .array(year.procurements.map { procurement($0, unit: unit) })),
        ]
        if let assets = year.assets { members.append(.init("assets", self.assets(assets, unit: unit))) }
        if !year.projects.isEmpty { members.append(.init("projects", .array(year.projects.map(project)))) }
        let narrative = NarrativeSection.allCases.compactMap { section in
            year.narrative[section].map { JSONValue.Member(section.rawValue, .string($0)) }
        }
        if !narrative.isEmpty { members.append(.init("narrative", .object(narrative))) }
        return .object(members)
    }

    /// A project with its lines, template and indicator tree.
    public static func project(_ project: Project) -> JSONValue {
        var fields: [JSONValue.Member] = [.init("code", .string(project.code)), .init("name", .string(project.name))]
        if !project.owner.isEmpty { fields.append(.init("owner", .string(project.owner))) }
        fields += [.init("lines", .array(project.lines.map(JSONValue.string))),
                   .init("template", template(project.templateChoice))]
        if !project.goal.isEmpty { fields.append(.init("goal", .string(project.goal))) }
        if !project.achieved.isEmpty { fields.append(.init("achieved", .string(project.achieved))) }
        fields.append(.init("indicators", .array(project.indicators.map(indicator))))
        return .object(fields)
    }

    /// One payment as a bundle entry; also used to stream payments into a bundle.
    public static func payment(_ payment: Payment, unit: Money.Unit) -> JSONValue {
        var fields: [JSONValue.Member] = [.init("line", .string(payment.line)),
                                          .init("date", .string(payment.date.description)),
                                          .init("amount", .string(payment.amount.decimalString(in: unit)))]
        if !payment.payee.isEmpty { fields.append(.init("payee", .string(payment.payee))) }
        if !payment.voucher.isEmpty { fields.append(.init("voucher", .string(payment.voucher))) }
        if !payment.memo.isEmpty { fields.append(.init("memo", .string(payment.memo))) }
        return .object(fields)
    }

    /// The template as an id, or as `{ "base": id, …overrides }`.
    public static func template(_ choice: TemplateChoice) -> JSONValue {
        let overrides = choice.overrides
        guard !overrides.isEmpty else { return .string(choice.base) }
        var fields: [JSONValue.Member] = [.init("base", .string(choice.base))]
        if let rounding = overrides.rounding {
            fields.append(.init("rounding", .object(["mode": .string(rounding.mode.rawValue),
                                                      "places": .number(String(rounding.places))])))
        }
        if let weight = overrides.budgetWeight {
            fields.append(.init("budget", .object(["weight": .string(weight.description)])))
        }
        if let reverse = overrides.reverse { fields.append(.init("reverse", .string(reverse.rawValue))) }
        if let bands = overrides.qualitative {
            func band(_ range: ClosedRange<Rational>) -> JSONValue {
                .array([.string(range.lowerBound.description), .string(range.upperBound.description)])
            }
            fields.append(.init("qualitative", .object(["achieved": band(bands.achieved),
                                                         "partial": band(bands.partial),
                                                         "failed": band(bands.failed)])))
        }
        if !overrides.levelWeights.isEmpty {
            fields.append(.init("levels", .object(overrides.levelWeights.sorted { $0.key < $1.key }.map {
                JSONValue.Member($0.key, .string($0.value.description))
            })))
        }
        return .object(fields)
    }

    /// One indicator as a bundle entry.
    public static func indicator(_ indicator: Indicator) -> JSONValue {
        var fields: [JSONValue.Member] = [
            .init("id", .string(indicator.id)), .init("level1", .string(indicator.level1)),
            .init("level2", .string(indicator.level2)), .init("name", .string(indicator.name)),
            .init("nature", .string(indicator.nature.rawValue)), .init("direction", .string(indicator.direction.rawValue)),
            .init("target", .string(indicator.targetText)), .init("unit", .string(indicator.unit)),
            .init("weight", .string(indicator.weight.description)),
        ]
        // A rule indicator without a target is written without one.
        if indicator.targetText.isEmpty, indicator.rule != nil { fields.removeAll { $0.key == "target" } }
        if !indicator.formula.isEmpty { fields.append(.init("formula", .string(indicator.formula))) }
        if !indicator.dataSource.isEmpty { fields.append(.init("source", .string(indicator.dataSource))) }
        if let actual = indicator.actualText { fields.append(.init("actual", .string(actual))) }
        if let measure = indicator.measure {
            var measureFields: [JSONValue.Member] = [.init("from", .string(measure.source.rawValue)),
                                                     .init("aggregate", .string(measure.aggregate.rawValue))]
            if let field = measure.field { measureFields.append(.init("field", .string(field))) }
            if !measure.filter.isEmpty {
                measureFields.append(.init("where", .object(measure.filter.sorted { $0.key < $1.key }.map {
                    JSONValue.Member($0.key, .string($0.value))
                })))
            }
            fields.append(.init("measure", .object(measureFields)))
        }
        if let grade = indicator.grade { fields.append(.init("grade", .string(grade.rawValue))) }
        switch indicator.rule {
        case .tiers(let tiers)?:
            fields.append(.init("rule", .object(["type": .string("tiers"), "tiers": .array(tiers.map { tier in
                var entry: [JSONValue.Member] = []
                if let upTo = tier.upTo { entry.append(.init("upTo", .string(upTo.description))) }
                entry.append(.init("score", .string(tier.score.description)))
                return .object(entry)
            })])))
        case let .deduction(direction, bound, step, points)?:
            fields.append(.init("rule", .object(["type": .string("deduction"), "direction": .string(direction.rawValue),
                                                  "bound": .string(bound.description), "step": .string(step.description),
                                                  "points": .string(points.description)])))
        case nil:
            break
        }
        if let manual = indicator.manualScore {
            fields.append(.init("score", .string(manual.score.description)))
            fields.append(.init("scoreReason", .string(manual.reason)))
        }
        if !indicator.deviation.isEmpty { fields.append(.init("deviation", .string(indicator.deviation))) }
        if !indicator.progress.isEmpty { fields.append(.init("progress", .array(indicator.progress.map(progress)))) }
        return .object(fields)
    }

    private static func progress(_ progress: IndicatorProgress) -> JSONValue {
        var fields: [JSONValue.Member] = [.init("asOf", .string(progress.asOf.description)),
                                          .init("actual", .string(progress.actualText))]
        if let projected = progress.projectedText { fields.append(.init("projected", .string(projected))) }
        if let likelihood = progress.likelihood { fields.append(.init("likelihood", .string(likelihood.rawValue))) }
        if let cause = progress.cause { fields.append(.init("cause", .string(cause.rawValue))) }
        if !progress.remedy.isEmpty { fields.append(.init("remedy", .string(progress.remedy))) }
        return .object(fields)
    }

    /// One work-plan task as a bundle entry, money in `unit`.
    public static func task(_ task: WorkTask, unit: Money.Unit) -> JSONValue {
        func money(_ amount: Money) -> JSONValue { .string(amount.decimalString(in: unit)) }
        var fields: [JSONValue.Member] = [.init("id", .string(task.id))]
        if let keyTask = task.keyTask { fields.append(.init("keyTask", .number(String(keyTask)))) }
        fields += [.init("title", .string(task.title)), .init("owner", .string(task.owner)),
                   .init("start", .string(task.start.description)), .init("due", .string(task.due.description))]
        if !task.deliverable.isEmpty { fields.append(.init("deliverable", .string(task.deliverable))) }
        if !task.requirement.isEmpty { fields.append(.init("requirement", .string(task.requirement))) }
        if !task.indicators.isEmpty { fields.append(.init("indicators", .array(task.indicators.map(JSONValue.string)))) }
        if !task.lines.isEmpty { fields.append(.init("lines", .array(task.lines.map(JSONValue.string)))) }
        if !task.plannedPayments.isEmpty {
            fields.append(.init("plannedPayments", .array(task.plannedPayments.map {
                .object(["line": .string($0.line), "month": .number(String($0.month)), "amount": money($0.amount)])
            })))
        }
        fields += [.init("status", .string(task.status.rawValue)), .init("progress", .string(task.progress.description))]
        if let completed = task.completed { fields.append(.init("completed", .string(completed.description))) }
        return .object(fields)
    }

    /// One activity as a bundle entry.
    public static func activity(_ activity: Activity) -> JSONValue {
        var fields: [JSONValue.Member] = [.init("date", .string(activity.date.description)),
                                          .init("title", .string(activity.title)),
                                          .init("kind", .string(activity.kind))]
        for (name, value) in activity.quantities.sorted(by: { $0.key < $1.key }) {
            fields.append(.init(name, .number(value.description)))
        }
        return .object(fields)
    }

    /// One procurement as a bundle entry, money in `unit`.
    public static func procurement(_ procurement: Procurement, unit: Money.Unit) -> JSONValue {
        func money(_ amount: Money) -> JSONValue { .string(amount.decimalString(in: unit)) }
        var fields: [JSONValue.Member] = [.init("name", .string(procurement.name))]
        if let line = procurement.line { fields.append(.init("line", .string(line))) }
        fields.append(.init("amount", money(procurement.amount)))
        let dates: [(String, CivilDate?)] = [
            ("intentPublished", procurement.intentPublished), ("started", procurement.started),
            ("awarded", procurement.awarded), ("contractSigned", procurement.contractSigned),
            ("contractPublished", procurement.contractPublished), ("contractFiled", procurement.contractFiled),
        ]
        for case let (key, date?) in dates { fields.append(.init(key, .string(date.description))) }
        return .object(fields)
    }

    /// The year's assets as the bundle's `assets` object, money in `unit`.
    public static func assets(_ assets: Assets, unit: Money.Unit) -> JSONValue {
        func money(_ amount: Money) -> JSONValue { .string(amount.decimalString(in: unit)) }
        var fields: [JSONValue.Member] = [.init("asOf", .string(assets.asOf.description)),
                                          .init("current", money(assets.current)),
                                          .init("nonCurrent", money(assets.nonCurrent))]
        if let total = assets.declaredTotal { fields.append(.init("total", money(total))) }
        return .object(fields)
    }
}
