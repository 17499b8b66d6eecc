import JixiaoCore

/// The fill-in workbook's sheets and columns: one table that both the export and the import read, so what is
/// written is exactly what is read back. Headers are matched by text (aliases too), never by position.
enum WorkbookLayout {
    /// What a column holds and how its cells are read.
    enum Kind: Equatable {
        case text
        case money
        case decimal
        case date
        /// Several codes in one cell, separated by 、 , ； or spaces: a JSON array of texts.
        case list
        /// A closed list: the Chinese labels shown, the bundle values stored.
        case choice([(label: String, value: String)])

        static func == (lhs: Kind, rhs: Kind) -> Bool {
            switch (lhs, rhs) {
            case (.text, .text), (.money, .money), (.decimal, .decimal), (.date, .date), (.list, .list): true
            case let (.choice(a), .choice(b)): a.map(\.value) == b.map(\.value)
            default: false
            }
        }
    }

    struct Column {
        /// The field's key in the bundle record (dotted for nested fields, e.g. `measure.aggregate`).
        let key: String
        let header: String
        let aliases: [String]
        let note: String
        let kind: Kind
        let width: Double
        /// Whether a sheet without this column cannot be read at all.
        var required: Bool { note.hasPrefix("必填") && !key.hasPrefix("month") }

        init(_ key: String, _ header: String, _ kind: Kind = .text, width: Double = 14, aliases: [String] = [],
             note: String) {
            self.key = key
            self.header = header
            self.aliases = aliases
            self.note = note
            self.kind = kind
            self.width = width
        }

        /// Every text that names this column.
        var names: [String] { [header] + aliases }
    }

    struct Sheet {
        let name: String
        let columns: [Column]

        func column(_ key: String) -> Column? { columns.first { $0.key == key } }
    }

    static let lineKinds: Kind = .choice([("基本支出", "basic"), ("项目支出", "project")])
    static let natures: Kind = .choice([("定量", "quantitative"), ("定性", "qualitative")])
    static let directions: Kind = .choice([("≥", ">="), ("≤", "<="), ("=", "="), (">", ">"), ("<", "<")])
    static let boundDirections: Kind = .choice([("≤", "<="), ("≥", ">=")])
    static let grades: Kind = .choice([("达成", "achieved"), ("部分达成", "partial"), ("未达成", "failed")])
    static let aggregates: Kind = .choice([("计数", "count"), ("求和", "sum"), ("按期完成率", "onTimeRate"),
                                           ("完成率", "doneRate")])
    static let rules: Kind = .choice([("分档", "tiers"), ("扣分", "deduction")])
    static let taskStatuses: Kind = .choice(WorkTask.Status.allCases.map { ($0.chinese, $0.rawValue) })
    static let likelihoods: Kind = .choice(IndicatorProgress.Likelihood.allCases.map { ($0.chinese, $0.rawValue) })
    static let causes: Kind = .choice(IndicatorProgress.Cause.allCases.map { ($0.chinese, $0.rawValue) })
    static let fundingSources: Kind = .choice(BudgetLine.FundingSource.allCases.map { ($0.chinese, $0.rawValue) })

    static let lines = Sheet(name: "预算项目", columns: [
        Column("code", "项目编码", width: 12, note: "必填，唯一；支付明细、月度计划和采购用它对应项目"),
        Column("name", "项目名称", width: 24, note: "必填"),
        Column("kind", "项目类别", lineKinds, width: 10, note: "基本支出或项目支出"),
        Column("initial", "年初预算数", .money, width: 16, note: "必填，单位见“基本情况”的金额单位"),
        Column("adjusted", "全年预算数", .money, width: 16, aliases: ["调整后预算数"], note: "必填，计算执行率的基数"),
        Column("executed", "全年执行数", .money, width: 16, note: "可空：空则按支付明细合计"),
        Column("source", "资金来源", fundingSources, width: 10, note: "可空：空即财政拨款；或上年结转、其他资金"),
    ])

    static let projects = Sheet(name: "项目", columns: [
        Column("code", "项目编码", width: 10, note: "必填，唯一，如 P01；“绩效指标”的“所属项目”用它"),
        Column("name", "项目名称", width: 24, note: "必填"),
        Column("owner", "实施单位", width: 14, note: "可空"),
        Column("lines", "预算项目", .list, width: 14, note: "必填：项目支出的预算项目编码，多个用顿号分隔；每个只属一个项目"),
        Column("template", "评价模板", width: 22, note: "可空：空则按 national-project-2020"),
        Column("goal", "年度总体目标", width: 36, note: "预期目标"),
        Column("achieved", "实际完成情况", width: 36, note: "年度终了后填写"),
    ])

    static let plan = monthly("月度支付计划", note: "计划支付金额，可空")
    static let lastYear = monthly("上年月度支付", note: "上年实际支付金额，可空；无月度计划时按此推算全年")

    /// A sheet of amounts by line and month, one row per line.
    private static func monthly(_ name: String, note: String) -> Sheet {
        Sheet(name: name, columns: [
            Column("code", "项目编码", width: 12, note: "必填，须是“预算项目”中的编码"),
            Column("name", "项目名称", width: 24, note: "仅供参考，导入时不读取"),
        ] + (1...12).map { Column("month\($0)", "\($0)月", .money, width: 12, note: note) })
    }

    static let payments = Sheet(name: "支付明细", columns: [
        Column("line", "预算项目编码", width: 14, aliases: ["项目编码"], note: "必填，须是“预算项目”中的编码"),
        Column("date", "支付日期", .date, width: 12, aliases: ["日期"], note: "必填，须在本年度内，如 2022-03-05"),
        Column("amount", "支付金额", .money, width: 16, aliases: ["金额"], note: "必填；退款填负数"),
        Column("payee", "收款人", width: 24, aliases: ["收款单位"], note: "可空"),
        Column("voucher", "凭证号", width: 16, aliases: ["支付凭证号"], note: "可空"),
        Column("memo", "摘要", width: 24, note: "可空"),
    ])

    static let indicators = Sheet(name: "绩效指标", columns: [
        Column("id", "编号", width: 8, note: "必填，唯一，如 i1；预填的框架行填写编号和三级指标后才导入"),
        Column("level1", "一级指标", width: 12, note: "须是评价模板的一级指标"),
        Column("level2", "二级指标", width: 14, note: "须是该一级指标下的二级指标"),
        Column("name", "三级指标", width: 24, aliases: ["指标名称"], note: "必填"),
        Column("nature", "指标性质", natures, width: 8, note: "定量或定性"),
        Column("direction", "方向", directions, width: 6, note: "定量指标必填：≥ ≤ = > <"),
        Column("target", "指标值", width: 12, aliases: ["目标值"], note: "定量指标填数字；定性指标填文字"),
        Column("unit", "计量单位", width: 8, aliases: ["单位"], note: "定量指标应填写，如 场、人次、%"),
        Column("weight", "分值", .decimal, width: 6, aliases: ["权重"], note: "必填，不小于 0"),
        Column("formula", "计算公式", width: 22, aliases: ["评分口径"], note: "效益、满意度等定量指标须写明，如 满意户数÷调查户数×100%"),
        Column("source", "数据来源", width: 16, note: "如 第三方满意度调查报告；写明公式或来源，指标才可考核"),
        Column("actual", "实际完成值", width: 14, note: "与“自动计算”二选一"),
        Column("measure.aggregate", "自动计算", aggregates, width: 8,
               note: "按活动记录计数或求和，或按工作计划计算按期完成率、完成率（%），可空"),
        Column("measure.field", "求和字段", width: 10, note: "求和时填写，如 受众人次"),
        Column("measure.where.kind", "筛选活动类型", width: 12, note: "只统计该类型的活动，可空"),
        Column("measure.where.title", "筛选活动名称", width: 12, note: "只统计该名称的活动，可空"),
        Column("grade", "定性评级", grades, width: 10, note: "定性指标：达成、部分达成、未达成"),
        Column("rule.type", "评分规则", rules, width: 8, note: "可空：分档或扣分，代替方向公式"),
        Column("rule.tiers", "分档设置", width: 22, note: "分档时填写，如 0:10；1:6；其余:0（上限:得分）"),
        Column("rule.direction", "扣分方向", boundDirections, width: 8, note: "扣分时填写：≤ 或 ≥"),
        Column("rule.bound", "扣分界限", .decimal, width: 8, note: "扣分时填写"),
        Column("rule.step", "扣分步长", .decimal, width: 8, note: "每超出一个整步长扣一次"),
        Column("rule.points", "每步扣分", .decimal, width: 8, note: "扣分时填写，最低扣至 0 分"),
        Column("score", "人工评分", .decimal, width: 8, note: "可空；填写时必须写明评分理由"),
        Column("scoreReason", "评分理由", width: 24, note: "人工评分的理由"),
        Column("deviation", "偏差原因分析及改进措施", width: 30, aliases: ["偏差原因分析"], note: "未完成的指标须填写"),
        Column("project", "所属项目", width: 10, note: "部门整体的指标不填；项目的指标填“项目”表中的项目编码"),
    ])

    static let progress = Sheet(name: "指标进度", columns: [
        Column("indicator", "指标编号", width: 8, note: "必填，须是“绩效指标”中的编号"),
        Column("asOf", "截至日期", .date, width: 12, note: "必填，如 2022-06-30；同一指标可按月填报多行"),
        Column("actual", "累计完成值", width: 12, note: "必填；定量指标填数字"),
        Column("projected", "全年预计完成值", width: 12, note: "可空：空则按进度推算"),
        Column("likelihood", "完成目标可能性", likelihoods, width: 10, note: "确定能、有可能、不可能；空则按进度判断"),
        Column("cause", "偏差原因", causes, width: 12, note: "可能性不是“确定能”时必填"),
        Column("remedy", "改进措施", width: 30, note: "可能性不是“确定能”时必填"),
    ])

    static let workPlan = Sheet(name: "工作计划", columns: [
        Column("id", "任务编号", width: 8, note: "必填，唯一，如 t1"),
        Column("keyTask", "重点任务序号", .decimal, width: 8, note: "“基本情况”中第几项重点工作任务，可空"),
        Column("title", "任务名称", width: 28, note: "必填"),
        Column("owner", "责任人", width: 12, aliases: ["责任科室"], note: "责任人或责任科室"),
        Column("start", "开始日期", .date, width: 12, note: "必填"),
        Column("due", "完成时限", .date, width: 12, aliases: ["截止日期"], note: "必填，不早于开始日期"),
        Column("deliverable", "交付成果", width: 22, note: "可空"),
        Column("requirement", "工作要求", width: 22, note: "可空"),
        Column("indicators", "关联指标", .list, width: 10, note: "指标编号，多个用顿号分隔，如 i1、i5"),
        Column("lines", "关联预算项目", .list, width: 10, note: "预算项目编码，多个用顿号分隔"),
        Column("status", "状态", taskStatuses, width: 8, note: "必填：未启动、进行中、已完成、暂停"),
        Column("progress", "完成进度", .decimal, width: 8, note: "按比例填写，如 0.6 表示 60%；可空"),
        Column("completed", "完成日期", .date, width: 12, note: "已完成的任务填写实际完成日期"),
    ])

    static let taskPayments = Sheet(name: "任务资金计划", columns: [
        Column("task", "任务编号", width: 8, note: "必填，须是“工作计划”中的编号"),
        Column("line", "预算项目编码", width: 14, aliases: ["项目编码"], note: "必填，须是“预算项目”中的编码"),
        Column("month", "月份", .decimal, width: 6, note: "必填，1–12"),
        Column("amount", "计划支付金额", .money, width: 16, aliases: ["金额"], note: "必填"),
    ])

    /// Activity numbers beyond the audience go in columns headed `数值：字段名`.
    static let quantityPrefix = "数值："
    static let audienceHeader = "受众人次"

    static let activities = Sheet(name: "活动记录", columns: [
        Column("date", "日期", .date, width: 12, aliases: ["活动日期"], note: "必填，如 2022-09-17"),
        Column("title", "活动名称", width: 28, note: "必填"),
        Column("kind", "活动类型", width: 14, note: "自动计算按类型筛选时使用"),
        Column("audience", audienceHeader, .decimal, width: 12, note: "可空；其他数值列的表头写作“数值：名称”"),
    ])

    static let procurements = Sheet(name: "采购", columns: [
        Column("name", "采购项目名称", width: 24, note: "必填"),
        Column("line", "预算项目编码", width: 14, aliases: ["项目编码"], note: "可空；填写时须是“预算项目”中的编码"),
        Column("amount", "采购金额", .money, width: 16, aliases: ["金额", "合同金额"], note: "必填"),
        Column("intentPublished", "意向公开日期", .date, width: 12, note: "应早于采购开始 30 日以上"),
        Column("started", "采购开始日期", .date, width: 12, note: "可空"),
        Column("awarded", "成交日期", .date, width: 12, aliases: ["中标日期"], note: "可空"),
        Column("contractSigned", "合同签订日期", .date, width: 12, note: "应在成交后 30 日内"),
        Column("contractPublished", "合同公告日期", .date, width: 12, note: "应在签订后 2 个工作日内"),
        Column("contractFiled", "合同备案日期", .date, width: 12, note: "应在签订后 7 个工作日内"),
    ])

    static let assets = Sheet(name: "资产", columns: [
        Column("asOf", "截止日期", .date, width: 12, note: "一般为 12 月 31 日"),
        Column("current", "流动资产", .money, width: 16, note: "必填"),
        Column("nonCurrent", "非流动资产", .money, width: 16, note: "必填"),
        Column("total", "资产总额", .money, width: 16,
               note: "可空；应等于两项之和，不等时列为问题“资产总额与构成不一致”"),
    ])

    /// The rows of 基本情况: label, bundle key and note. `task` may repeat, one row per task.
    static let basicRows: [(label: String, key: String, note: String)] = [
        ("年度", "year", "必填，如 2022"),
        ("评价模板", "template", "内置模板编号，见 jixiao template list"),
        ("模板调整（JSON）", "templateOverrides", "可空；对内置模板的调整，如 {\"rounding\": {\"mode\": \"truncate\", \"places\": 2}}"),
        ("金额单位", "moneyUnit", "元 或 万元；本工作簿所有金额都按此单位填写"),
        ("部门编码", "department.code", "必填"),
        ("部门名称", "department.name", "必填"),
        ("部门概况", "department.overview", "可空；换行分段"),
        ("部门整体支出绩效目标", "goal", "可空"),
        ("重点工作任务", "task", "每行一项，可增加行"),
        ("履职效能分析", "narrative.performance", "可空：空则按数据起草"),
        ("绩效管理", "narrative.management", "可空"),
        ("采购管理", "narrative.procurement", "可空"),
        ("资产管理", "narrative.assets", "可空"),
        ("存在的主要问题", "narrative.problems", "可空：空则按检查发现的问题起草"),
        ("下一步改进措施", "narrative.measures", "可空"),
    ]

    static let basicSheet = "基本情况"
    static let moneyUnits: [(label: String, value: String)] = [("元", "yuan"), ("万元", "wan")]

    /// Every data sheet in workbook order.
    static let dataSheets = [lines, plan, lastYear, payments, indicators, progress, workPlan, taskPayments, activities,
                             procurements, assets, projects]
}
