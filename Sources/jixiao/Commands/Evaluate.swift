import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoIO

/// `jixiao evaluate BUNDLE [--json]`: the scores, total, grade and findings — or `--all --year Y [--json|--csv]`:
/// every department of the year in the store, a row each.
struct Evaluate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a department-year by its evaluation template, or every department of a year in the store.")

    @Argument(help: "A department-year: a bundle (jixiao/bundle@1 JSON) or a filled-in workbook (.xlsx).",
              completion: .file(extensions: ["json", "xlsx"]))
    var bundle: String?

    @OptionGroup var batch: BatchOptions

    @Flag(help: "Print the result as JSON (decimals as strings, money in yuan).")
    var json = false

    @Flag(help: "With --all: print one CSV row per department (UTF-8 with a byte-order mark, for Excel).")
    var csv = false

    func validate() throws {
        try batch.validate(bundle: bundle)
        if json, csv { throw ValidationError("Give --json or --csv, not both.") }
        if csv, !batch.all { throw ValidationError("--csv lists departments: use it with --all.") }
    }

    func run() async throws {
        guard let bundle else { return try await evaluateAll() }
        let (year, evaluation, findings) = try BundleInput(bundle: bundle).evaluate()
        if json {
            Terminal.output(EvaluationJSON.encode(year, evaluation, findings: findings).serialized())
        } else {
            Terminal.output(Summary.text(year, evaluation, findings: findings))
        }
    }

    /// Every department of the year, evaluated `--jobs` at a time, in code order; the departments whose stored
    /// data could not be read are listed at the end (exit 2).
    private func evaluateAll() async throws {
        let (json, csv) = (json, csv)
        let (rows, failures, total) = try await batch.withYear { departments in
            let progress = ProgressReporter(total: departments.codes.count, what: "评价")
            let results = await departments.map(departments.codes, progress: progress) { year in
                let evaluation = Evaluator.evaluate(year)
                let findings = FindingsEngine.findings(year, evaluation: evaluation)
                return json ? [EvaluationJSON.encode(year, evaluation, findings: findings).serialized()]
                    : csv ? BatchRow.fields(year, evaluation, findings) : [BatchRow.text(year, evaluation, findings)]
            }
            progress.finish()
            var rows: [[String]] = []
            var failures: [BatchOptions.Failure] = []
            for result in results {
                switch result {
                case .success(let row): rows.append(row)
                case .failure(let failure): failures.append(failure)
                }
            }
            return (rows, failures, departments.codes.count)
        }
        if csv {
            var writer = CSVWriter()
            writer.append(BatchRow.header)
            for row in rows { writer.append(row) }
            FileHandle.standardOutput.write(Data(writer.text.utf8))
        } else if json {
            Terminal.output("[\n" + rows.map { $0.joined() }.joined(separator: ",\n") + "\n]")
        } else {
            Terminal.output(rows.map { $0.joined() }.joined(separator: "\n"))
        }
        try failures.report(what: "评价", of: total)
    }
}

/// One department's line in `evaluate --all`.
enum BatchRow {
    /// The CSV's columns.
    static let header = ["部门编码", "部门", "年度", "评价模板", "全年预算数（元）", "全年执行数（元）", "执行率", "总分", "等级",
                         "问题数"]

    static func fields(_ year: DepartmentYear, _ evaluation: Evaluation, _ findings: [Finding]) -> [String] {
        [year.department.code, year.department.name, String(year.year), evaluation.templateID,
         evaluation.budget.totals.adjusted.yuanString, evaluation.budget.totals.executed.yuanString,
         evaluation.budget.rate.map { Rounding(mode: .halfUp, places: 4).format($0) } ?? "",
         year.template.rounding.format(evaluation.total), evaluation.grade, String(findings.count)]
    }

    static func text(_ year: DepartmentYear, _ evaluation: Evaluation, _ findings: [Finding]) -> String {
        "\(year.department.code)  \(year.department.name)  预算 \(evaluation.budget.totals.adjusted.wanString) 万元  "
            + "执行率 \(evaluation.budget.rate?.percentString(places: 2) ?? "—")  "
            + "总分 \(year.template.rounding.format(evaluation.total))  \(evaluation.grade)  问题 \(findings.count) 项"
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
