import Foundation
import JixiaoCore
import JixiaoOffice

/// Reads a fill-in workbook (as exported, or as a clerk saved it from Excel, WPS or LibreOffice) into a
/// department-year. Every problem is reported at once, by sheet, cell and column name, in Chinese; nothing is
/// returned unless everything is right.
public struct WorkbookImport: Sendable {
    public var catalog: TemplateCatalog

    public init(catalog: TemplateCatalog = .builtIn) { self.catalog = catalog }

    /// Reads a workbook file.
    public func read(_ file: URL) throws -> DepartmentYear {
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            throw InputError(file: file.path, issues: [ValidationIssue(path: "", message: "cannot be read",
                                                                       chinese: "无法读取文件")])
        }
        return try decode(data, file: file.path)
    }

    /// Reads workbook bytes; `file` names the source in errors.
    public func decode(_ data: Data, file: String) throws -> DepartmentYear {
        let workbook: Workbook
        do { workbook = try SpreadsheetReader.read(data) } catch {
            throw InputError(file: file, issues: [ValidationIssue(path: "", message: error.description,
                                                                  chinese: error.chinese)])
        }
        var assembly = WorkbookAssembly(workbook: workbook)
        let bundle = assembly.bundle()
        var issues = assembly.issues
        do {
            let year = try BundleReader(catalog: catalog).decode(bundle, file: file)
            if issues.isEmpty { return year }
        } catch let error as InputError {
            // A cell the workbook layer already reported is not reported again as missing or wrong.
            let reported = Set(assembly.issuePaths)
            for issue in error.issues where !reported.contains(issue.path) {
                let location = assembly.location(of: issue.path)
                issues.append(ValidationIssue(path: location, message: issue.chinese, chinese: issue.chinese))
            }
        }
        throw InputError(file: file, issues: issues)
    }
}

/// Assembles a bundle (as JSON) from a workbook's sheets, remembering which cell each field came from and
/// collecting the problems only the workbook can see (a choice not in its list, a tier table that does not parse,
/// a missing column).
struct WorkbookAssembly {
    let workbook: Workbook
    private(set) var issues: [ValidationIssue] = []
    /// Bundle paths of the fields whose cells were reported here.
    private(set) var issuePaths: [String] = []
    /// Bundle path → `支付明细!C7（支付日期）` or `支付明细!第7行`.
    private var origins: [String: String] = [:]
    private var unit = Money.Unit.yuan

    init(workbook: Workbook) { self.workbook = workbook }

    /// The cell or row a bundle path came from: the path itself, else its nearest recorded parent.
    func location(of path: String) -> String {
        var candidate = Substring(path)
        while !candidate.isEmpty {
            if let origin = origins[String(candidate)] { return origin }
            guard let cut = candidate.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            candidate = candidate[..<cut]
        }
        return path
    }

    mutating func report(_ location: String, _ message: String, path: String? = nil) {
        issues.append(ValidationIssue(path: location, message: message, chinese: message))
        if let path { issuePaths.append(path) }
    }

    mutating func bundle() -> JSONValue {
        var members: [JSONValue.Member] = [.init("format", .string(BundleReader.format))]
        members += basic()
        var lines = records(WorkbookLayout.lines, path: "budget.lines")
        monthly(WorkbookLayout.plan, member: "plan", lines: &lines)
        monthly(WorkbookLayout.lastYear, member: "lastYear", lines: &lines)
        members.append(.init("budget", .object(["lines": .array(lines)])))
        members.append(.init("payments", .array(records(WorkbookLayout.payments, path: "payments"))))
        var indicators = indicators()
        attach(WorkbookLayout.progress, by: "indicator", to: &indicators, path: "indicators", member: "progress",
               parentSheet: WorkbookLayout.indicators.name)
        var projects = records(WorkbookLayout.projects, path: "projects")
        indicators = assign(indicators, to: &projects)
        members.append(.init("indicators", .array(indicators)))
        var tasks = records(WorkbookLayout.workPlan, path: "workPlan")
        attach(WorkbookLayout.taskPayments, by: "task", to: &tasks, path: "workPlan", member: "plannedPayments",
               parentSheet: WorkbookLayout.workPlan.name)
        if !tasks.isEmpty { members.append(.init("workPlan", .array(tasks))) }
        members.append(.init("activities", .array(records(WorkbookLayout.activities, path: "activities",
                                                          quantities: true))))
        members.append(.init("procurements", .array(records(WorkbookLayout.procurements, path: "procurements"))))
        if !projects.isEmpty { members.append(.init("projects", .array(projects))) }
        if let assets = records(WorkbookLayout.assets, path: "assets").first {
            members.append(.init("assets", assets))
            for (key, value) in origins where key.hasPrefix("assets[0]") {
                origins[key.replacingOccurrences(of: "assets[0]", with: "assets")] = value
            }
        }
        return .object(members)
    }

    /// Moves each indicator whose 所属项目 names a project into that project's tree, its cells' origins moved with it;
    /// returns the department's own indicators. A code no project has is reported by its cell.
    private mutating func assign(_ indicators: [JSONValue], to projects: inout [JSONValue]) -> [JSONValue] {
        var own: [JSONValue] = []
        var trees = [[JSONValue]](repeating: [], count: projects.count)
        var moved: [(from: String, to: String)] = []
        for (index, indicator) in indicators.enumerated() {
            let from = "indicators[\(index)]"
            guard let code = indicator["project"]?.string else {
                moved.append((from, "indicators[\(own.count)]"))
                own.append(indicator)
                continue
            }
            let entry = indicator.removing("project")
            guard let project = projects.firstIndex(where: { $0["code"]?.string == code }) else {
                report(location(of: from + ".project"), "“\(code)”不是“项目”表中的项目编码", path: from + ".project")
                continue
            }
            moved.append((from, "projects[\(project)].indicators[\(trees[project].count)]"))
            trees[project].append(entry)
        }
        // Every origin under an indicator's old path now answers for its new one (renamed from a snapshot, so an
        // old path that is also a new one is not moved twice).
        let snapshot = origins
        for (key, _) in snapshot where key.hasPrefix("indicators[") { origins[key] = nil }
        for (from, to) in moved {
            for (key, value) in snapshot where key == from || key.hasPrefix(from + ".") || key.hasPrefix(from + "[") {
                origins[to + key.dropFirst(from.count)] = value
            }
        }
        issuePaths = issuePaths.map { path in
            guard let (from, to) = moved.first(where: { path == $0.from || path.hasPrefix($0.from + ".") }) else {
                return path
            }
            return to + path.dropFirst(from.count)
        }
        for (project, tree) in trees.enumerated() where !tree.isEmpty {
            projects[project] = projects[project].setting("indicators", to: .array(tree))
        }
        return own
    }

    // MARK: 基本情况

    private mutating func basic() -> [JSONValue.Member] {
        guard let sheet = workbook.sheet(named: WorkbookLayout.basicSheet) else {
            report(WorkbookLayout.basicSheet, "缺少工作表“\(WorkbookLayout.basicSheet)”（年度、模板、部门等信息）")
            return []
        }
        var values: [String: (Workbook.Cell, String)] = [:]
        var tasks: [String] = []
        for (index, row) in sheet.rows.enumerated() {
            guard case .text(let label)? = row.first ?? nil,
                  let entry = WorkbookLayout.basicRows.first(where: { $0.label == label.trimmingCharacters(in: .whitespaces) })
            else { continue }
            let location = "\(sheet.name)!B\(index + 1)（\(entry.label)）"
            if entry.key != "task", origins[entry.key] == nil { origins[entry.key] = location }
            guard row.count > 1, let cell = row[1] else { continue }
            if entry.key == "task" {
                if let text = text(cell), !text.isEmpty {
                    origins["tasks[\(tasks.count)]"] = location
                    tasks.append(text)
                }
            } else {
                values[entry.key] = (cell, location)
            }
        }
        if let unitCell = values["moneyUnit"], let label = text(unitCell.0) {
            if let option = WorkbookLayout.moneyUnits.first(where: { $0.label == label || $0.value == label }) {
                unit = Money.Unit(rawValue: option.value)!
            } else {
                report(unitCell.1, "“\(label)”不是金额单位（元、万元）", path: "moneyUnit")
            }
        }
        var members: [JSONValue.Member] = []
        if let year = values["year"].flatMap({ text($0.0) }) { members.append(.init("year", .number(year))) }
        if let template = values["template"].flatMap({ text($0.0) }) {
            members.append(.init("template", templateValue(template, overrides: values["templateOverrides"])))
        }
        members.append(.init("moneyUnit", .string(unit.rawValue)))
        var department: [JSONValue.Member] = []
        for key in ["code", "name", "overview"] {
            if let value = values["department." + key].flatMap({ text($0.0) }) {
                department.append(.init(key, .string(value)))
            }
        }
        members.append(.init("department", .object(department)))
        members.append(.init("tasks", .array(tasks.map(JSONValue.string))))
        if let goal = values["goal"].flatMap({ text($0.0) }) { members.append(.init("goal", .string(goal))) }
        let narrative = NarrativeSection.allCases.compactMap { section in
            values["narrative." + section.rawValue].flatMap { text($0.0) }.map {
                JSONValue.Member(section.rawValue, .string($0))
            }
        }
        if !narrative.isEmpty { members.append(.init("narrative", .object(narrative))) }
        return members
    }

    private mutating func templateValue(_ id: String, overrides: (Workbook.Cell, String)?) -> JSONValue {
        guard let (cell, location) = overrides, let text = text(cell), !text.isEmpty else { return .string(id) }
        origins["template"] = location
        guard case .object(let members)? = try? JSONParser.parse(Data(text.utf8)) else {
            report(location, "不是有效的 JSON 对象（如 {\"rounding\": {\"mode\": \"truncate\", \"places\": 2}}）",
                   path: "template")
            return .string(id)
        }
        return .object([.init("base", .string(id))] + members.filter { $0.key != "base" })
    }

    // MARK: data sheets

    /// The records of a data sheet as bundle objects, with each field's origin recorded under `path[i].key`.
    private mutating func records(_ layout: WorkbookLayout.Sheet, path: String,
                                  quantities: Bool = false) -> [JSONValue] {
        guard let rows = table(layout, quantities: quantities) else { return [] }
        return rows.enumerated().map { offset, row in fields(row, layout: layout, base: "\(path)[\(offset)]") }
    }

    /// A row's cells as a bundle object (columns in `skipping` left out), each field's origin recorded.
    private mutating func fields(_ row: DataRow, layout: WorkbookLayout.Sheet, base: String,
                                 skipping: Set<String> = []) -> JSONValue {
        origins[base] = "\(layout.name)!第\(row.index + 1)行"
        for (position, column) in row.columns where !skipping.contains(column.key) {
            origins[base + "." + column.key] = "\(layout.name)!\(CellRange.reference(row: row.index, column: position))（\(column.header)）"
        }
        var object = JSONObjectBuilder()
        for (column, cell) in row.cells where !skipping.contains(column.key) {
            let fieldPath = base + "." + column.key
            origins[fieldPath] = "\(layout.name)!\(CellRange.reference(row: row.index, column: cell.column))（\(column.header)）"
            if let value = value(cell.value, column: column, location: origins[fieldPath]!, path: fieldPath) {
                object.set(column.key, value)
            }
        }
        return object.value
    }

    /// The rows of a sheet that belongs to another (指标进度 to 绩效指标, 任务资金计划 to 工作计划), appended to the
    /// `member` list of the record whose id the `by` column names.
    private mutating func attach(_ layout: WorkbookLayout.Sheet, by key: String, to parents: inout [JSONValue],
                                 path: String, member: String, parentSheet: String) {
        guard let rows = table(layout, quantities: false) else { return }
        var children = [Int: [JSONValue]]()
        for row in rows {
            guard let idCell = row.cells.first(where: { $0.0.key == key })?.1, let id = text(idCell.value) else {
                report("\(layout.name)!第\(row.index + 1)行", "未填写“\(layout.column(key)!.header)”")
                continue
            }
            guard let parent = parents.firstIndex(where: { $0["id"] == .string(id) }) else {
                report("\(layout.name)!\(CellRange.reference(row: row.index, column: idCell.column))（\(layout.column(key)!.header)）",
                       "“\(id)”不是“\(parentSheet)”中的编号")
                continue
            }
            let base = "\(path)[\(parent)].\(member)[\(children[parent, default: []].count)]"
            children[parent, default: []].append(fields(row, layout: layout, base: base, skipping: [key]))
        }
        for (index, list) in children {
            guard case .object(var members) = parents[index] else { continue }
            members.append(.init(member, .array(list)))
            parents[index] = .object(members)
        }
    }

    /// Budget lines with their amounts by month from a monthly sheet (月度支付计划, 上年月度支付) under `member`.
    private mutating func monthly(_ layout: WorkbookLayout.Sheet, member: String, lines: inout [JSONValue]) {
        guard let rows = table(layout, quantities: false) else { return }
        var entries = [Int: [JSONValue]]()
        for row in rows {
            guard let codeCell = row.cells.first(where: { $0.0.key == "code" })?.1,
                  let code = text(codeCell.value) else { continue }
            let codeLocation = "\(layout.name)!\(CellRange.reference(row: row.index, column: codeCell.column))（项目编码）"
            guard let lineIndex = lines.firstIndex(where: { $0["code"] == .string(code) }) else {
                report(codeLocation, "“\(code)”不是“预算项目”中的编码")
                continue
            }
            for (column, cell) in row.cells where column.key.hasPrefix("month") {
                let month = Int(column.key.dropFirst("month".count))!
                let entryPath = "budget.lines[\(lineIndex)].\(member)[\(entries[lineIndex, default: []].count)]"
                let location = "\(layout.name)!\(CellRange.reference(row: row.index, column: cell.column))（\(column.header)）"
                origins[entryPath] = location
                guard let amount = value(cell.value, column: column, location: location, path: entryPath + ".amount")
                else { continue }
                entries[lineIndex, default: []].append(.object(["month": .number(String(month)), "amount": amount]))
            }
        }
        for (index, plan) in entries {
            guard case .object(var members) = lines[index] else { continue }
            members.append(.init(member, .array(plan)))
            lines[index] = .object(members)
        }
    }

    /// 绩效指标: framework rows without id and name are placeholders; measure and rule columns nest.
    private mutating func indicators() -> [JSONValue] {
        let layout = WorkbookLayout.indicators
        guard let rows = table(layout, quantities: false) else { return [] }
        var result: [JSONValue] = []
        for row in rows {
            let filled = Dictionary(row.cells.map { ($0.0.key, $0.1) }, uniquingKeysWith: { first, _ in first })
            guard filled["id"] != nil || filled["name"] != nil else { continue }
            let base = "indicators[\(result.count)]"
            origins[base] = "\(layout.name)!第\(row.index + 1)行"
            var object = JSONObjectBuilder()
            var rule: [String: JSONValue] = [:]
            var aggregate: Measure.Aggregate?
            for (column, cell) in row.cells {
                let location = "\(layout.name)!\(CellRange.reference(row: row.index, column: cell.column))（\(column.header)）"
                let fieldPath = base + "." + column.key
                origins[fieldPath] = location
                guard var value = value(cell.value, column: column, location: location, path: fieldPath) else { continue }
                if column.key == "measure.field", value == .string(WorkbookLayout.audienceHeader) { value = .string("audience") }
                if column.key == "measure.aggregate" { aggregate = value.string.flatMap(Measure.Aggregate.init(rawValue:)) }
                if column.key == "rule.tiers" {
                    guard case .string(let text) = value, let tiers = TierText.read(text) else {
                        report(location, "\(shown(cell.value))不是分档设置（应写作 0:10；1:6；其余:0）", path: fieldPath)
                        continue
                    }
                    value = .array(tiers)
                }
                if column.key.hasPrefix("rule.") {
                    rule[String(column.key.dropFirst("rule.".count))] = value
                } else {
                    object.set(column.key, value)
                }
            }
            if filled["measure.aggregate"] != nil || filled["measure.field"] != nil {
                object.set("measure.from", .string((aggregate?.source ?? .activities).rawValue))
            }
            if !rule.isEmpty {
                if rule["type"] == nil {
                    report(origins[base]!, "填写了评分规则参数，但没有选择评分规则（分档或扣分）", path: base + ".rule.type")
                } else {
                    let keys = rule["type"] == .string("tiers") ? ["type", "tiers"]
                        : ["type", "direction", "bound", "step", "points"]
                    for key in keys { if let value = rule[key] { object.set("rule." + key, value) } }
                }
            }
            result.append(object.value)
        }
        return result
    }

    // MARK: cells

    /// One data row: its sheet row index and its non-blank cells with their columns.
    struct DataRow {
        let index: Int
        let cells: [(WorkbookLayout.Column, PlacedCell)]
        /// Every column of the sheet by position, so that a field left blank can still be named by its cell.
        let columns: [(Int, WorkbookLayout.Column)]
    }

    /// A cell with the sheet column it stands in.
    struct PlacedCell {
        let column: Int
        let value: Workbook.Cell
    }

    /// A sheet's data rows with their cells mapped to layout columns by header text; nil (reported) when the sheet
    /// has no recognisable header or lacks a required column, and nil silently when the sheet is absent.
    private mutating func table(_ layout: WorkbookLayout.Sheet, quantities: Bool) -> [DataRow]? {
        guard let sheet = workbook.sheet(named: layout.name) else { return nil }
        guard let (headerRow, columns) = header(of: sheet, layout: layout, quantities: quantities) else {
            report("\(layout.name)!第1行", "找不到表头（应包括 \(layout.columns.filter(\.required).map(\.header).joined(separator: "、"))）")
            return nil
        }
        let missing = layout.columns.filter { column in column.required && !columns.contains { $0.1.key == column.key } }
        for column in missing { report("\(layout.name)!第\(headerRow + 1)行", "缺少“\(column.header)”列") }
        guard missing.isEmpty else { return nil }
        var rows: [DataRow] = []
        for index in (headerRow + 1)..<max(headerRow + 1, sheet.rows.count) {
            let cells = columns.compactMap { position, column -> (WorkbookLayout.Column, PlacedCell)? in
                guard let cell = sheet[index, position], !isBlank(cell) else { return nil }
                return (column, PlacedCell(column: position, value: cell))
            }
            if !cells.isEmpty { rows.append(DataRow(index: index, cells: cells, columns: columns)) }
        }
        return rows
    }

    /// The header row (the first of the top ten rows naming the most columns) and its columns by position.
    private func header(of sheet: Workbook.Sheet, layout: WorkbookLayout.Sheet,
                        quantities: Bool) -> (Int, [(Int, WorkbookLayout.Column)])? {
        var best: (Int, [(Int, WorkbookLayout.Column)])?
        for index in 0..<min(10, sheet.rows.count) {
            var columns: [(Int, WorkbookLayout.Column)] = []
            for (position, cell) in sheet.rows[index].enumerated() {
                guard case .text(let text)? = cell else { continue }
                let name = WorkbookAssembly.normalized(text)
                if let column = layout.columns.first(where: { $0.names.contains { WorkbookAssembly.normalized($0) == name } }) {
                    if !columns.contains(where: { $0.1.key == column.key }) { columns.append((position, column)) }
                } else if quantities, let key = quantityKey(text) {
                    columns.append((position, WorkbookLayout.Column(key, text, .decimal, note: "")))
                }
            }
            if columns.count > (best?.1.count ?? 0) { best = (index, columns) }
        }
        return best
    }

    private func quantityKey(_ header: String) -> String? {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        for prefix in [WorkbookLayout.quantityPrefix, "数值:"] where trimmed.hasPrefix(prefix) {
            let key = String(trimmed.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            return key.isEmpty ? nil : key
        }
        return nil
    }

    /// Header text compared without spaces and without a trailing note in brackets: `全年执行数（可空）` = `全年执行数`.
    static func normalized(_ text: String) -> String {
        var result = text.filter { !$0.isWhitespace }
        if let open = result.firstIndex(where: { $0 == "（" || $0 == "(" }), result.last == "）" || result.last == ")",
           open != result.startIndex {
            result = String(result[..<open])
        }
        return result
    }

    private func isBlank(_ cell: Workbook.Cell) -> Bool {
        if case .text(let text) = cell { return text.allSatisfy(\.isWhitespace) }
        return false
    }

    /// A cell's value in bundle form for a column, or nil (reported) when the workbook alone can tell it is wrong.
    private mutating func value(_ cell: Workbook.Cell, column: WorkbookLayout.Column, location: String,
                                path: String) -> JSONValue? {
        if case .error(let code) = cell {
            report(location, "单元格是错误值 \(code)，请改正公式或填写数值", path: path)
            return nil
        }
        switch column.kind {
        case .text:
            return text(cell).map(JSONValue.string)
        case .list:
            let items = (text(cell) ?? "").split { "、,，;；".contains($0) || $0.isWhitespace }
            return .array(items.map { .string(String($0)) })
        case .money, .decimal:
            switch cell {
            case .number(let literal): return .string(ClerkFormats.spreadsheetNumber(literal))
            default:
                let raw = text(cell) ?? ""
                return .string(ClerkFormats.number(raw) ?? raw)
            }
        case .date:
            if case .number(let literal) = cell {
                guard let date = ClerkFormats.date(serial: literal, uses1904: workbook.uses1904Dates) else {
                    report(location, "\(literal) 不是有效日期", path: path)
                    return nil
                }
                return .string(date.description)
            }
            let raw = text(cell) ?? ""
            return .string(ClerkFormats.date(raw)?.description ?? raw)
        case .choice(let options):
            let raw = (text(cell) ?? "").trimmingCharacters(in: .whitespaces)
            let normalized = raw == ">=" || raw == "<=" ? raw : raw.replacingOccurrences(of: "＞", with: ">")
                .replacingOccurrences(of: "＜", with: "<").replacingOccurrences(of: "＝", with: "=")
            guard let option = options.first(where: { $0.label == normalized || $0.value == normalized }) else {
                report(location, "“\(raw)”不是可选值（\(options.map(\.label).joined(separator: "、"))）", path: path)
                return nil
            }
            return .string(option.value)
        }
    }

    /// A cell as text: numbers as the decimal the clerk typed, booleans as TRUE/FALSE.
    private func text(_ cell: Workbook.Cell) -> String? {
        switch cell {
        case .text(let text): text.trimmingCharacters(in: .whitespacesAndNewlines)
        case .number(let literal): ClerkFormats.spreadsheetNumber(literal)
        case .bool(let flag): flag ? "TRUE" : "FALSE"
        case .error: nil
        }
    }

    private func shown(_ cell: Workbook.Cell) -> String { "“\(text(cell) ?? "")”" }
}

/// Builds a JSON object from dotted keys (`measure.where.kind`), keeping first-seen order.
struct JSONObjectBuilder {
    private var members: [JSONValue.Member] = []

    mutating func set(_ dottedKey: String, _ value: JSONValue) {
        JSONObjectBuilder.set(&members, Array(dottedKey.split(separator: ".").map(String.init)), value)
    }

    var value: JSONValue { .object(members) }

    private static func set(_ members: inout [JSONValue.Member], _ keys: [String], _ value: JSONValue) {
        guard let first = keys.first else { return }
        let index = members.firstIndex { $0.key == first }
        if keys.count == 1 {
            if let index { members[index].value = value } else { members.append(.init(first, value)) }
            return
        }
        var nested: [JSONValue.Member] = []
        if let index, case .object(let existing) = members[index].value { nested = existing }
        set(&nested, Array(keys.dropFirst()), value)
        if let index { members[index].value = .object(nested) } else { members.append(.init(first, .object(nested))) }
    }
}
