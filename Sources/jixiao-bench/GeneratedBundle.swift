import Foundation

/// A large synthetic department-year as bundle JSON: many lines, payments, indicators and activities, valid under
/// the national template. Deterministic, so every run measures the same input.
enum GeneratedBundle {
    static func json(payments paymentCount: Int, indicators indicatorCount: Int, lines lineCount: Int = 50,
                     activities activityCount: Int = 2_000) -> String {
        var generator = SplitMix(seed: 2022)
        var lines: [String] = []
        var paidByLine = [Int](repeating: 0, count: lineCount)
        var payments: [String] = []
        payments.reserveCapacity(paymentCount)
        for index in 0..<paymentCount {
            let line = Int(generator.next() % UInt64(lineCount))
            let fen = 1_000 + Int(generator.next() % 5_000_000)
            paidByLine[line] += fen
            let month = 1 + Int(generator.next() % 12)
            let day = 1 + Int(generator.next() % 28)
            payments.append(#"{"line": "L\#(line)", "date": "2022-\#(pad(month))-\#(pad(day))", "#
                + #""amount": "\#(fen / 100).\#(pad(fen % 100))", "payee": "供应商\#(index % 997)", "#
                + #""voucher": "V\#(index)"}"#)
        }
        for line in 0..<lineCount {
            let adjusted = paidByLine[line] + paidByLine[line] / 20
            let plan = (1...12).map { #"{"month": \#($0), "amount": "\#(adjusted / 1200).\#(pad(adjusted / 12 % 100))"}"# }
            lines.append(#"{"code": "L\#(line)", "name": "项目\#(line)", "kind": "\#(line < 5 ? "basic" : "project")", "#
                + #""initial": "\#(adjusted / 100).\#(pad(adjusted % 100))", "#
                + #""adjusted": "\#(adjusted / 100).\#(pad(adjusted % 100))", "plan": [\#(plan.joined(separator: ", "))]}"#)
        }
        let kinds = ["讲座", "展览", "培训", "竞赛"]
        let activities = (0..<activityCount).map { index in
            #"{"date": "2022-\#(pad(1 + index % 12))-\#(pad(1 + index % 28))", "title": "活动\#(index)", "#
                + #""kind": "\#(kinds[index % kinds.count])", "audience": \#(50 + index % 500)}"#
        }
        let indicators = (0..<indicatorCount).map { index in indicator(index, count: indicatorCount) }
        return """
        {"format": "jixiao/bundle@1", "year": 2022, "template": "national-project-2020",
         "department": {"code": "BENCH", "name": "基准测试单位", "overview": "生成的大型部门。"},
         "tasks": ["完成年度任务"], "goal": "按计划完成各项指标。",
         "budget": {"lines": [\(lines.joined(separator: ",\n"))]},
         "payments": [\(payments.joined(separator: ",\n"))],
         "indicators": [\(indicators.joined(separator: ",\n"))],
         "activities": [\(activities.joined(separator: ",\n"))]}
        """
    }

    /// Half the indicators are outputs, 30 % benefits, 20 % satisfaction; each level's weights add up exactly.
    private static func indicator(_ index: Int, count: Int) -> String {
        let outputs = count / 2
        let benefits = count * 3 / 10
        let (level1, level2, levelWeight, levelCount, position): (String, String, Int, Int, Int) =
            index < outputs ? ("产出指标", "数量指标", 50, outputs, index)
            : index < outputs + benefits ? ("效益指标", "社会效益指标", 30, benefits, index - outputs)
            : ("满意度指标", "服务对象满意度指标", 10, count - outputs - benefits, index - outputs - benefits)
        // Weights in hundredths; the last indicator of a level takes the remainder.
        let share = levelWeight * 100 / levelCount
        let weight = position == levelCount - 1 ? levelWeight * 100 - share * (levelCount - 1) : share
        let weightText = "\(weight / 100).\(pad(weight % 100))"
        let common = #""id": "i\#(index)", "level1": "\#(level1)", "level2": "\#(level2)", "name": "指标\#(index)", "#
            + #""weight": "\#(weightText)""#
        switch index % 4 {
        case 0:
            return #"{\#(common), "nature": "quantitative", "direction": ">=", "target": "100", "unit": "场", "#
                + #""measure": {"from": "activities", "aggregate": "count", "where": {"kind": "讲座"}}}"#
        case 1:
            return #"{\#(common), "nature": "quantitative", "direction": "<=", "target": "20", "unit": "天", "#
                + #""actual": "\#(15 + index % 10)", "deviation": "说明"}"#
        case 2:
            return #"{\#(common), "nature": "qualitative", "target": "提升", "grade": "partial", "deviation": "说明"}"#
        default:
            return #"{\#(common), "nature": "quantitative", "direction": ">=", "target": "90", "unit": "%", "#
                + #""actual": "\#(85 + index % 10)", "deviation": "说明"}"#
        }
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

/// A small deterministic pseudo-random generator (SplitMix64).
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
