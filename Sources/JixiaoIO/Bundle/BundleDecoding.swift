import JixiaoCore

/// One pass over a bundle's JSON: decodes every part, checks cross-references, and logs each fault.
struct BundleDecoding {
    let root: JSONNode
    let catalog: TemplateCatalog

    static let lineFields: Set<String> = ["code", "name", "kind", "source", "initial", "adjusted", "executed", "plan",
                                          "lastYear"]
    static let planFields: Set<String> = ["month", "amount"]
    static let paymentFields: Set<String> = ["line", "date", "amount", "payee", "voucher", "memo"]
    static let activityFields: Set<String> = ["date", "title", "kind"]
    static let procurementFields: Set<String> = ["name", "line", "amount", "intentPublished", "started", "awarded",
                                                 "contractSigned", "contractPublished", "contractFiled"]
    static let topFields: Set<String> = ["format", "year", "template", "moneyUnit", "department", "tasks", "goal",
                                         "budget", "payments", "indicators", "workPlan", "activities", "procurements",
                                         "assets", "projects", "narrative"]

    func decode() -> DepartmentYear? {
        guard root.object(allowing: BundleDecoding.topFields) else { return nil }
        if root["format"].string() != BundleReader.format, root["format"].isPresent {
            root["format"].reject("\"\(BundleReader.format)\"", "“\(BundleReader.format)”")
        }
        let year = root["year"].integer(in: 2000...2100)
        let unit = root["moneyUnit"].choice(Money.Unit.self, required: false) ?? .yuan
        let resolved = TemplateDecoder.resolve(root["template"], catalog: catalog)
        let template = resolved?.0
        let department = department(root["department"])
        let tasks = root["tasks"].array().compactMap { $0.string() }
        let goal = root["goal"].string(required: false) ?? ""
        let lines = budgetLines(root["budget"], unit: unit)
        // Every code written counts for references, even on a line that is wrong elsewhere, so one fault is
        // not reported again at each payment that names the line.
        let lineCodes = Set(root["budget"]["lines"].array().compactMap { $0["code"].peekedString })
        let payments = root["payments"].array().compactMap { payment($0, unit: unit, lines: lineCodes, year: year) }
        let activities = root["activities"].array().compactMap(activity)
        let indicators = self.indicators(root["indicators"], template: template, year: year)
        let workPlan = self.workPlan(root["workPlan"], unit: unit, keyTasks: tasks.count, lines: lineCodes,
                                     indicators: Set(root["indicators"].array().compactMap { $0["id"].peekedString }))
        let procurements = root["procurements"].array().compactMap { procurement($0, unit: unit, lines: lineCodes) }
        let assets = root["assets"].isPresent ? assets(root["assets"], unit: unit) : nil
        let projects = self.projects(
            root["projects"],
            lines: Dictionary(root["budget"]["lines"].array().compactMap { line in
                line["code"].peekedString.flatMap { code in
                    line["kind"].peekedString.flatMap(BudgetLine.Kind.init(rawValue:)).map { (code, $0) }
                }
            }, uniquingKeysWith: { first, _ in first }),
            departmentIndicators: Set(root["indicators"].array().compactMap { $0["id"].peekedString }), year: year)
        let narrative = narrative(root["narrative"])
        guard let year, let resolved, let department else { return nil }
        return DepartmentYear(year: year, template: resolved.0, templateChoice: resolved.1, moneyUnit: unit,
                              department: department, tasks: tasks, goal: goal,
                              budgetLines: lines, payments: payments, indicators: indicators, workPlan: workPlan,
                              activities: activities, procurements: procurements, assets: assets,
                              projects: projects, narrative: narrative, workCalendar: catalog.workCalendar,
                              checks: catalog.checks)
    }

    private func department(_ node: JSONNode) -> Department? {
        guard node.object(allowing: ["code", "name", "overview"]) else { return nil }
        let code = node["code"].string()
        let name = node["name"].string()
        guard let code, let name else { return nil }
        return Department(code: code, name: name, overview: node["overview"].string(required: false) ?? "")
    }

    private func budgetLines(_ node: JSONNode, unit: Money.Unit) -> [BudgetLine] {
        guard node.object(allowing: ["lines"], required: false) else { return [] }
        var seen: Set<String> = []
        return node["lines"].array().compactMap { line in
            guard line.object(allowing: BundleDecoding.lineFields) else { return nil }
            let code = line["code"].string()
            if let code, !seen.insert(code).inserted { line["code"].fail("\"\(code)\" is used by another line", "“\(code)”与其他预算项目的编码重复") }
            let name = line["name"].string()
            let kind = line["kind"].choice(BudgetLine.Kind.self)
            let source = line["source"].choice(BudgetLine.FundingSource.self, required: false)
            let initial = line["initial"].money(unit)
            let adjusted = line["adjusted"].money(unit)
            let executed = line["executed"].money(unit, required: false)
            let plan = monthly(line["plan"], unit: unit)
            let lastYear = monthly(line["lastYear"], unit: unit)
            guard let code, let name, let kind, let initial, let adjusted else { return nil }
            return BudgetLine(code: code, name: name, kind: kind, source: source, initial: initial, adjusted: adjusted,
                              declaredExecuted: executed, plan: plan, lastYear: lastYear)
        }
    }

    /// Amounts by month, each month at most once.
    func monthly(_ node: JSONNode, unit: Money.Unit) -> [MonthlyAmount] {
        var months: Set<Int> = []
        return node.array().compactMap { entry -> MonthlyAmount? in
            guard entry.object(allowing: BundleDecoding.planFields) else { return nil }
            let month = entry["month"].integer(in: 1...12)
            if let month, !months.insert(month).inserted { entry["month"].fail("month \(month) is given twice", "\(month) 月重复填写") }
            let amount = entry["amount"].money(unit)
            guard let month, let amount else { return nil }
            return MonthlyAmount(month: month, amount: amount)
        }
    }

    private func payment(_ node: JSONNode, unit: Money.Unit, lines: Set<String>, year: Int?) -> Payment? {
        guard node.object(allowing: BundleDecoding.paymentFields) else { return nil }
        let line = node["line"].string()
        if let line, !lines.contains(line) {
            node["line"].fail("\"\(line)\" is not the code of a budget line", "“\(line)”不是预算项目编码")
        }
        let date = node["date"].date()
        if let date, let year, date.year != year {
            node["date"].fail("\"\(date)\" is not in \(year)", "“\(date)”不在 \(year) 年度内")
        }
        let amount = node["amount"].money(unit, nonNegative: false)
        let payee = node["payee"].string(required: false) ?? ""
        let voucher = node["voucher"].string(required: false) ?? ""
        let memo = node["memo"].string(required: false) ?? ""
        guard let line, let date, let amount else { return nil }
        return Payment(line: line, date: date, amount: amount, payee: payee, voucher: voucher, memo: memo)
    }

    private func activity(_ node: JSONNode) -> Activity? {
        guard case .object(let members)? = node.value else { node.reject("an object", "对象"); return nil }
        let date = node["date"].date()
        let title = node["title"].string()
        let kind = node["kind"].string(required: false) ?? ""
        var quantities: [String: Rational] = [:]
        for member in members where !BundleDecoding.activityFields.contains(member.key) && !member.key.hasPrefix("$") {
            if let value = node[member.key].decimal(.quantity) { quantities[member.key] = value }
        }
        guard let date, let title else { return nil }
        return Activity(date: date, title: title, kind: kind, quantities: quantities)
    }

    private func procurement(_ node: JSONNode, unit: Money.Unit, lines: Set<String>) -> Procurement? {
        guard node.object(allowing: BundleDecoding.procurementFields) else { return nil }
        let name = node["name"].string()
        let line = node["line"].string(required: false)
        if let line, !lines.contains(line) {
            node["line"].fail("\"\(line)\" is not the code of a budget line", "“\(line)”不是预算项目编码")
        }
        let amount = node["amount"].money(unit)
        let dates = ["intentPublished", "started", "awarded", "contractSigned", "contractPublished", "contractFiled"]
            .map { node[$0].date(required: false) }
        guard let name, let amount else { return nil }
        return Procurement(name: name, line: line, amount: amount, intentPublished: dates[0], started: dates[1],
                           awarded: dates[2], contractSigned: dates[3], contractPublished: dates[4],
                           contractFiled: dates[5])
    }

    private func assets(_ node: JSONNode, unit: Money.Unit) -> Assets? {
        guard node.object(allowing: ["asOf", "current", "nonCurrent", "total"]) else { return nil }
        let asOf = node["asOf"].date()
        let current = node["current"].money(unit)
        let nonCurrent = node["nonCurrent"].money(unit)
        let total = node["total"].money(unit, required: false)
        guard let asOf, let current, let nonCurrent else { return nil }
        return Assets(asOf: asOf, current: current, nonCurrent: nonCurrent, declaredTotal: total)
    }

    func narrative(_ node: JSONNode) -> [NarrativeSection: String] {
        let known = Set(NarrativeSection.allCases.map(\.rawValue))
        guard node.object(allowing: known, required: false), case .object(let members)? = node.value else { return [:] }
        var result: [NarrativeSection: String] = [:]
        for member in members {
            guard let section = NarrativeSection(rawValue: member.key),
                  let text = node[member.key].string(required: false) else { continue }
            result[section] = text
        }
        return result
    }
}
