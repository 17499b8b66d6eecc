import JixiaoCore

extension BundleDecoding {
    static let indicatorFields: Set<String> = ["id", "level1", "level2", "name", "nature", "direction", "target",
                                               "unit", "weight", "actual", "measure", "grade", "rule", "score",
                                               "scoreReason", "deviation", "progress", "formula", "source"]
    static let progressFields: Set<String> = ["asOf", "actual", "projected", "likelihood", "cause", "remedy"]

    /// The indicators, checked against the template's framework: unique ids, known levels, consistent scoring
    /// inputs and manual scores that come with a reason.
    func indicators(_ node: JSONNode, template: EvaluationTemplate?, year: Int?) -> [Indicator] {
        var seen: Set<String> = []
        return node.array().compactMap { entry in
            guard entry.object(allowing: BundleDecoding.indicatorFields) else { return nil }
            let id = entry["id"].string()
            if let id, !seen.insert(id).inserted { entry["id"].fail("\"\(id)\" is used by another indicator", "“\(id)”与其他指标的编号重复") }
            let level1 = entry["level1"].string()
            let level2 = entry["level2"].string()
            if let template, let level1, let level2 { checkLevels(entry, level1: level1, level2: level2, template) }
            let name = entry["name"].string()
            let nature = entry["nature"].choice(Indicator.Nature.self)
            let needsDirection = nature == .quantitative && !entry["rule"].isPresent
            let direction = entry["direction"].choice(Indicator.Direction.self, required: needsDirection)
            // A rule scores the actual value by itself, so a rule indicator may leave its target out.
            let target = entry["target"].numberText(.quantity, required: !entry["rule"].isPresent, mustBeNumber: false)
            let unit = entry["unit"].string(required: false) ?? ""
            let weight = entry["weight"].decimal(.points)
            let actual = entry["actual"].numberText(.quantity, required: false, mustBeNumber: nature == .quantitative)
            if actual != nil, entry["measure"].isPresent {
                entry["measure"].fail("is given together with actual (expected one of them)",
                                     "与实际完成值同时填写（只能填其一）")
            }
            let measure = entry["measure"].isPresent ? measure(entry["measure"]) : nil
            let grade = entry["grade"].choice(Indicator.Grade.self, required: false)
            if grade != nil, nature == .quantitative {
                entry["grade"].fail("applies only to qualitative indicators (nature \"qualitative\")", "只适用于定性指标")
            }
            let rule = entry["rule"].isPresent ? rule(entry["rule"], weight: weight) : nil
            let manual = manualScore(entry, weight: weight, grade: grade, template: template)
            let progress = progress(entry["progress"], nature: nature, year: year)
            guard let id, let level1, let level2, let name, let nature, let weight,
                  target != nil || !entry["target"].isPresent else { return nil }
            return Indicator(id: id, level1: level1, level2: level2, name: name, nature: nature,
                             direction: direction ?? .atLeast, targetText: target ?? "", unit: unit,
                             weight: weight, actualText: actual, measure: measure, grade: grade,
                             rule: rule, manualScore: manual,
                             deviation: entry["deviation"].string(required: false) ?? "", progress: progress,
                             formula: entry["formula"].string(required: false) ?? "",
                             dataSource: entry["source"].string(required: false) ?? "")
        }
    }

    /// Progress reports, one per date within the year, oldest first; a likelihood short of 确定能 needs its cause
    /// and remedy.
    private func progress(_ node: JSONNode, nature: Indicator.Nature?, year: Int?) -> [IndicatorProgress] {
        var dates: Set<CivilDate> = []
        let reports = node.array().compactMap { entry -> IndicatorProgress? in
            guard entry.object(allowing: BundleDecoding.progressFields) else { return nil }
            let asOf = entry["asOf"].date()
            if let asOf, let year, asOf.year != year {
                entry["asOf"].fail("\"\(asOf)\" is not in \(year)", "“\(asOf)”不在 \(year) 年度内")
            }
            if let asOf, !dates.insert(asOf).inserted {
                entry["asOf"].fail("progress on \(asOf) is reported twice", "\(asOf) 的进度重复填报")
            }
            let numeric = nature == .quantitative
            let actual = entry["actual"].numberText(.quantity, required: true, mustBeNumber: numeric)
            let projected = entry["projected"].numberText(.quantity, required: false, mustBeNumber: numeric)
            let likelihood = entry["likelihood"].choice(IndicatorProgress.Likelihood.self, required: false)
            let uncertain = likelihood.map { $0 != .certain } ?? false
            let cause = entry["cause"].choice(IndicatorProgress.Cause.self, required: uncertain)
            let remedy = entry["remedy"].string(required: uncertain)
            guard let asOf, let actual else { return nil }
            return IndicatorProgress(asOf: asOf, actualText: actual, projectedText: projected, likelihood: likelihood, cause: cause,
                                     remedy: remedy ?? "")
        }
        return reports.sorted { $0.asOf < $1.asOf }
    }

    private func checkLevels(_ entry: JSONNode, level1: String, level2: String, _ template: EvaluationTemplate) {
        guard let level = template.level(named: level1) else {
            entry["level1"].fail("\"\(level1)\" is not a level of template \(template.id) "
                + "(expected one of \(template.levels.map(\.name).joined(separator: ", ")))",
                "“\(level1)”不是模板 \(template.id) 的一级指标（可选：\(template.levels.map(\.name).joined(separator: "、"))）")
            return
        }
        if !level.children.isEmpty, !level.children.contains(level2) {
            entry["level2"].fail("\"\(level2)\" is not under \(level1) in template \(template.id) "
                + "(expected one of \(level.children.joined(separator: ", ")))",
                "“\(level2)”不是“\(level1)”下的二级指标（可选：\(level.children.joined(separator: "、"))）")
        }
    }

    private func measure(_ node: JSONNode) -> Measure? {
        guard node.object(allowing: ["from", "aggregate", "field", "where"]) else { return nil }
        let from = node["from"].choice(Measure.Source.self)
        let aggregate = node["aggregate"].choice(Measure.Aggregate.self)
        if let from, let aggregate, aggregate.source != from {
            let fitting = Measure.Aggregate.allCases.filter { $0.source == from }.map(\.rawValue)
            node["aggregate"].fail("\"\(aggregate.rawValue)\" does not measure \(from.rawValue) (expected one of "
                + "\(fitting.joined(separator: ", ")))",
                "“\(aggregate.rawValue)”不适用于 \(from.rawValue)（可选：\(fitting.joined(separator: "、"))）")
        }
        let field = node["field"].string(required: aggregate == .sum)
        var filter: [String: String] = [:]
        if node["where"].object(allowing: ["kind", "title"], required: false),
           case .object(let members)? = node["where"].value {
            for member in members {
                if let text = node["where"][member.key].string() { filter[member.key] = text }
            }
        }
        guard let aggregate else { return nil }
        return Measure(aggregate: aggregate, field: field, filter: filter)
    }

    private func rule(_ node: JSONNode, weight: Rational?) -> ScoringRule? {
        guard case .object? = node.value else { node.reject("an object", "对象"); return nil }
        switch node["type"].string() {
        case "tiers":
            node.object(allowing: ["type", "tiers"])
            let entries = node["tiers"].array(required: true, nonEmpty: true)
            var previous: Rational?
            let tiers = entries.enumerated().compactMap { offset, tier -> ScoringRule.Tier? in
                guard tier.object(allowing: ["upTo", "score"]) else { return nil }
                let isLast = offset == entries.count - 1
                let upTo = tier["upTo"].decimal(.quantity, required: false)
                if !isLast, upTo == nil, !tier["upTo"].isPresent {
                    tier["upTo"].fail("missing (only the last tier may leave upTo out)", "未填写（只有最后一档可以不填上限）")
                }
                if let upTo, let previous, upTo <= previous {
                    tier["upTo"].fail("\(upTo) is not above the previous tier's \(previous)", "\(upTo) 不大于上一档的 \(previous)")
                }
                previous = upTo ?? previous
                let score = tier["score"].decimal(.points)
                if let score, let weight, score > weight {
                    tier["score"].fail("\(score) is above the weight \(weight)", "\(score) 超过分值 \(weight)")
                }
                return score.map { ScoringRule.Tier(upTo: upTo, score: $0) }
            }
            return tiers.count == entries.count && !tiers.isEmpty ? .tiers(tiers) : nil
        case "deduction":
            node.object(allowing: ["type", "direction", "bound", "step", "points"])
            let direction = node["direction"].choice(Indicator.Direction.self)
            if let direction, direction != .atMost, direction != .atLeast { node["direction"].reject("\"<=\" or \">=\"", "“<=”或“>=”") }
            let bound = node["bound"].decimal(.quantity)
            let step = node["step"].decimal(.quantity)
            if let step, step <= .zero { node["step"].fail("\(step) is not above 0", "\(step) 应大于 0") }
            let points = node["points"].decimal(.points)
            guard let direction, let bound, let step, step > .zero, let points else { return nil }
            return .deduction(direction: direction, bound: bound, step: step, points: points)
        case let other?:
            node["type"].fail("\"\(other)\" is not a rule type (expected \"tiers\" or \"deduction\")",
                              "“\(other)”不是评分规则（应为 tiers 或 deduction）")
            return nil
        case nil:
            return nil
        }
    }

    private func manualScore(_ entry: JSONNode, weight: Rational?, grade: Indicator.Grade?,
                             template: EvaluationTemplate?) -> ManualScore? {
        let score = entry["score"].decimal(.points, required: false)
        let reason = entry["scoreReason"].string(required: false)?.trimmingSpaces ?? ""
        if entry["score"].isPresent, reason.isEmpty {
            entry["scoreReason"].fail("missing (a manual score needs its written reason)", "未填写（人工评分必须写明理由）")
        }
        if entry["scoreReason"].isPresent, !entry["score"].isPresent {
            entry["scoreReason"].fail("is given without a score", "已填写但没有人工评分")
        }
        guard let score else { return nil }
        var valid = !reason.isEmpty
        if let weight, score > weight {
            entry["score"].fail("\(score) is above the weight \(weight)", "\(score) 超过分值 \(weight)")
            valid = false
        } else if let weight, let grade, let template {
            let band = template.qualitative.band(for: grade)
            let low = band.lowerBound * weight
            let high = band.upperBound * weight
            if score < low || score > high {
                entry["score"].fail("\(score) is outside the \(grade.rawValue) band \(low)–\(high)",
                                   "\(score) 不在“\(grade.chinese)”档 \(low)–\(high) 分之内")
                valid = false
            }
        }
        return valid ? ManualScore(score: score, reason: reason) : nil
    }
}
