import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

/// 评价结果应用: the bureau's rule (grade and timeliness → next year's budget suggestion) and every department's
/// suggestion under it, as a page and a CSV file; the reviewer changes the rule, the auditor reads.
struct ResultUseController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.results, use: show)
        routes.post(.results, use: change)
        routes.get(.resultsCSV, use: csv)
        routes.get(.resultsXLSX, use: xlsx)
    }

    /// The rule form: per grade `grade_N` (its name), `action_N` and `share_N` (a cut in %) — keys in ASCII, as
    /// form decoding wants them — and `late` and `missing` (in %).
    struct RuleForm {
        let fields: [String: String]

        /// The form as the rule's JSON, percentages turned into shares; what cannot be read is left for the
        /// rule's reader to name.
        var rule: JSONValue {
            func share(_ percent: String?) -> JSONValue {
                let text = (percent ?? "").trimmingCharacters(in: .whitespaces)
                guard let value = Rational(decimal: text) else { return .string(text) }
                return .string((value / Rational(100)).description)
            }
            let grades = fields.filter { $0.key.hasPrefix("grade_") }.sorted { $0.key < $1.key }.compactMap { key, grade in
                let index = key.dropFirst("grade_".count)
                guard let action = fields["action_\(index)"] else { return nil as JSONValue.Member? }
                return JSONValue.Member(grade, .object(action == ResultUseRule.Action.cut.rawValue
                    ? ["action": .string(action), "share": share(fields["share_\(index)"])] : ["action": .string(action)]))
            }
            return .object(["grades": .object(grades), "late": share(fields["late"]), "missing": share(fields["missing"])])
        }
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let user = try request.requireBureau(acting: false, for: "评价结果应用")
        let year = try await RecheckController.year(request.query[Int.self, at: "year"], on: request.db)
        return html(ResultUseView.render(try await model(year: year, request), user: user, csrf: CSRF.token(for: request)))
    }

    @Sendable func change(_ request: Request) async throws -> Response {
        try CSRF.verify(request)
        let user = try request.requireBureau(acting: true, for: "评价结果应用")
        let form = RuleForm(fields: try request.content.decode([String: String].self))
        let year = try await RecheckController.year(form.fields["year"].flatMap { Int($0) }, on: request.db)
        do {
            let rule = try ResultUseRuleJSON.decode(form.rule, file: "结果应用规则")
            try await ResultUse(database: request.db).setRule(rule, year: year, actor: user.auditActor)
            return html(ResultUseView.render(try await model(year: year, request, message: "\(year) 年的结果应用规则已保存。"),
                                             user: user, csrf: CSRF.token(for: request)))
        } catch let error as InputError {
            return html(ResultUseView.render(try await model(year: year, request, problems: error.chineseLines),
                                             user: user, csrf: CSRF.token(for: request)), status: .unprocessableEntity)
        }
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        let (year, rows) = try await download(request)
        var writer = CSVWriter()
        writer.append(ResultUseView.header)
        for row in rows { writer.append(row) }
        return try await Download.csv(writer.text, filename: "评价结果应用\(year).csv", on: request)
    }

    @Sendable func xlsx(_ request: Request) async throws -> Response {
        let (year, rows) = try await download(request)
        let data = try TableWorkbook.data(title: "评价结果应用\(year)", header: ResultUseView.header, rows: rows,
                                          numericColumns: [2, 8])
        return try await Download.response(data, type: Download.xlsx, filename: "评价结果应用\(year).xlsx",
                                           inline: false, on: request)
    }

    /// The year asked for and every department's suggestion as the downloads' cells (the bureau only).
    private func download(_ request: Request) async throws -> (Int, [[String]]) {
        _ = try request.requireBureau(acting: false, for: "评价结果应用")
        let year = try await RecheckController.year(request.query[Int.self, at: "year"], on: request.db)
        let model = try await model(year: year, request)
        return (year, model.rows.map(ResultUseView.cells))
    }

    private func model(year: Int, _ request: Request, message: String? = nil,
                       problems: [String] = []) async throws -> ResultUseModel {
        let results = ResultUse(database: request.db)
        return ResultUseModel(year: year, rule: try await results.rule(year: year),
                              rows: try await results.rows(year: year, today: ChinaClock.today()),
                              message: message, problems: problems)
    }
}

/// What the 评价结果应用 page shows.
struct ResultUseModel {
    let year: Int
    let rule: ResultUseRule
    let rows: [ResultUse.Row]
    let message: String?
    let problems: [String]
}
