/// What replacing a stored department-year with another version of it would change, part by part, in words a
/// clerk checks before confirming an upload: the basics, the template, budget lines, payments, indicators, the work
/// plan, activities, procurements, assets and the written sections. Pure.
public enum YearDiff {
    /// One change.
    public struct Change: Sendable, Hashable {
        /// The part of the year, as the pages name it (预算项目, 绩效指标, …).
        public var part: String
        public var text: String

        public init(part: String, text: String) {
            self.part = part
            self.text = text
        }
    }

    /// Every change from `old` to `new`, part by part in the order of the year's pages; empty when nothing changes.
    public static func changes(from old: DepartmentYear, to new: DepartmentYear) -> [Change] {
        var changes: [Change] = []
        func add(_ part: String, _ text: String) { changes.append(Change(part: part, text: text)) }

        if old.department.name != new.department.name {
            add("基本情况", "部门名称：\(old.department.name) → \(new.department.name)")
        }
        if old.department.overview != new.department.overview { add("基本情况", "部门基本情况的文字有修改") }
        if old.tasks != new.tasks { add("基本情况", "年度重点工作任务：\(old.tasks.count) 项 → \(new.tasks.count) 项，内容有修改") }
        if old.goal != new.goal { add("基本情况", "年度总体目标有修改") }
        if old.template.id != new.template.id || old.templateChoice != new.templateChoice {
            add("评价模板", "\(old.template.name) → \(new.template.name)")
        }
        for line in keyed(old.budgetLines, new.budgetLines, key: \.code) {
            add("预算项目", lineChange(line.old, line.new))
        }
        payments(old.payments, new.payments).map { add("支付", $0) }
        for indicator in keyed(old.indicators, new.indicators, key: \.id) {
            add("绩效指标", indicatorChange(indicator.old, indicator.new))
        }
        if old.indicators.map(\.id) != new.indicators.map(\.id),
           Set(old.indicators.map(\.id)) == Set(new.indicators.map(\.id)) {
            add("绩效指标", "指标的顺序有调整")
        }
        for task in keyed(old.workPlan, new.workPlan, key: \.id) {
            add("工作计划", taskChange(task.old, task.new))
        }
        for (part, before, after, same) in [
            ("活动记录", old.activities.count, new.activities.count, old.activities == new.activities),
            ("采购", old.procurements.count, new.procurements.count, old.procurements == new.procurements),
        ] where !same {
            add(part, before == after ? "\(after) 条，内容有修改" : "\(before) 条 → \(after) 条")
        }
        if old.assets != new.assets { add("资产", "资产情况有修改") }
        let sections = NarrativeSection.allCases.filter { (old.narrative[$0] ?? "") != (new.narrative[$0] ?? "") }
        if !sections.isEmpty { add("报告文字", "\(sections.count) 部分有修改") }
        return changes
    }

    /// Records of both versions matched by key: removed, added and changed ones (unchanged ones are left out), in
    /// the new version's order with the removed ones first.
    private static func keyed<Record: Equatable>(_ old: [Record], _ new: [Record],
                                                 key: (Record) -> String) -> [(old: Record?, new: Record?)] {
        let before = Dictionary(old.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let after = Set(new.map(key))
        let removed = old.filter { !after.contains(key($0)) }.map { (old: Optional($0), new: Record?.none) }
        let kept = new.compactMap { record -> (old: Record?, new: Record?)? in
            let previous = before[key(record)]
            return previous == record ? nil : (previous, record)
        }
        return removed + kept
    }

    private static func lineChange(_ old: BudgetLine?, _ new: BudgetLine?) -> String {
        switch (old, new) {
        case (let line?, nil): return "删除 \(line.code) \(line.name)（调整后预算 \(line.adjusted.yuanString) 元）"
        case (nil, let line?): return "新增 \(line.code) \(line.name)（调整后预算 \(line.adjusted.yuanString) 元）"
        case (let old?, let new?):
            var parts: [String] = []
            if old.name != new.name { parts.append("名称 \(old.name) → \(new.name)") }
            if old.kind != new.kind { parts.append("类别 \(old.kind.chinese) → \(new.kind.chinese)") }
            if old.initial != new.initial { parts.append("年初预算 \(old.initial.yuanString) → \(new.initial.yuanString) 元") }
            if old.adjusted != new.adjusted {
                parts.append("调整后预算 \(old.adjusted.yuanString) → \(new.adjusted.yuanString) 元")
            }
            if old.declaredExecuted != new.declaredExecuted {
                parts.append("填报的执行数 \(old.declaredExecuted?.yuanString ?? "—") → \(new.declaredExecuted?.yuanString ?? "—")")
            }
            if old.plan != new.plan { parts.append("月度支付计划有修改") }
            if old.lastYear != new.lastYear { parts.append("上年支付有修改") }
            return "\(new.code) \(new.name)：" + parts.joined(separator: "；")
        case (nil, nil): return ""
        }
    }

    private static func payments(_ old: [Payment], _ new: [Payment]) -> String? {
        guard old != new else { return nil }
        let (before, after) = (old.map(\.amount).sum(), new.map(\.amount).sum())
        let common = zip(old, new).prefix { $0 == $1 }.count
        var text = "\(old.count) 笔 合计 \(before.yuanString) 元 → \(new.count) 笔 合计 \(after.yuanString) 元"
        if old.count == new.count, before == after { text = "\(new.count) 笔，合计不变，明细有修改" }
        return text + (common < min(old.count, new.count) ? "（自第 \(common + 1) 笔起不同）" : "")
    }

    private static func indicatorChange(_ old: Indicator?, _ new: Indicator?) -> String {
        switch (old, new) {
        case (let indicator?, nil): return "删除 \(indicator.id) \(indicator.name)"
        case (nil, let indicator?):
            return "新增 \(indicator.id) \(indicator.name)：\(TargetAdjustment.Target(indicator).text)"
        case (let old?, let new?):
            var parts: [String] = []
            if old.name != new.name { parts.append("名称 \(old.name) → \(new.name)") }
            if old.level1 != new.level1 || old.level2 != new.level2 {
                parts.append("所属 \(old.level1)/\(old.level2) → \(new.level1)/\(new.level2)")
            }
            if TargetAdjustment.Target(old) != TargetAdjustment.Target(new) {
                parts.append("目标 \(TargetAdjustment.Target(old).text) → \(TargetAdjustment.Target(new).text)")
            }
            if old.actualText != new.actualText {
                parts.append("实际完成值 \(old.actualText ?? "—") → \(new.actualText ?? "—")")
            }
            if old.formula != new.formula || old.dataSource != new.dataSource { parts.append("计算公式或数据来源有修改") }
            if old.deviation != new.deviation { parts.append("偏差原因有修改") }
            if old.progress != new.progress { parts.append("运行进度 \(old.progress.count) 次 → \(new.progress.count) 次") }
            let rest = parts.isEmpty ? ["计分方式有修改"] : parts
            return "\(new.id) \(new.name)：" + rest.joined(separator: "；")
        case (nil, nil): return ""
        }
    }

    private static func taskChange(_ old: WorkTask?, _ new: WorkTask?) -> String {
        switch (old, new) {
        case (let task?, nil): return "删除 \(task.id) \(task.title)"
        case (nil, let task?): return "新增 \(task.id) \(task.title)（完成时限 \(task.due)）"
        case (let old?, let new?):
            var parts: [String] = []
            if old.title != new.title { parts.append("名称 \(old.title) → \(new.title)") }
            if old.due != new.due { parts.append("完成时限 \(old.due) → \(new.due)") }
            if old.status != new.status { parts.append("状态 \(old.status.chinese) → \(new.status.chinese)") }
            if old.progress != new.progress {
                parts.append("完成进度 \(old.progress.percentString(places: 0)) → \(new.progress.percentString(places: 0))")
            }
            return "\(new.id) \(new.title)：" + (parts.isEmpty ? ["其他内容有修改"] : parts).joined(separator: "；")
        case (nil, nil): return ""
        }
    }
}
