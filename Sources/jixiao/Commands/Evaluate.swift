import ArgumentParser
import JixiaoCore
import JixiaoIO

/// `jixiao evaluate BUNDLE [--json]`: the scores, total, grade and findings.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a department-year by its evaluation template.")

    @OptionGroup var input: BundleInput

    @Flag(help: "Print the result as JSON (decimals as strings, money in yuan).")
    var json = false

    func run() throws {
        let (year, evaluation, findings) = try input.evaluate()
        if json {
            Terminal.output(EvaluationJSON.encode(year, evaluation, findings: findings).serialized())
        } else {
            Terminal.output(Summary.text(year, evaluation, findings: findings))
        }
    }
}

/// The human-readable evaluation summary.
enum Summary {
    static func text(_ year: DepartmentYear, _ evaluation: Evaluation, findings: [Finding]) -> String {
        let rounding = year.template.rounding
        let budget = evaluation.budget
        var lines = [
            "\(year.department.name) \(year.year) 年 · 模板 \(evaluation.templateID)",
            "预算执行：全年预算数 \(budget.totals.adjusted.wanString) 万元，执行数 \(budget.totals.executed.wanString) 万元，"
                + "执行率 \(budget.rate?.percentString(places: 2) ?? "—")，得分 \(rounding.format(budget.score))"
                + " / \(budget.weight)",
            "指标：",
        ]
        for (indicator, score) in zip(year.indicators, evaluation.indicators) {
            lines.append("  \(indicator.id)  \(indicator.name)  \(rounding.format(score.score)) / \(indicator.weight)"
                + "  [\(score.method.rawValue)] \(score.formula)")
        }
        lines.append("总分 \(rounding.format(evaluation.total))，等级 \(evaluation.grade)")
        lines.append(findings.isEmpty ? "未发现问题。" : "发现 \(findings.count) 项问题，运行 jixiao check 查看详情。")
        return lines.joined(separator: "\n")
    }
}
