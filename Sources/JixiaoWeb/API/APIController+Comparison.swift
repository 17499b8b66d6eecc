import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

extension APIController {
    /// `GET /api/v1/comparison?year=Y`: every department of the year with its budget, rate, self-score, re-check
    /// score, grades, findings and attributes (the bureau; a department gets its own row), in code order.
    @Sendable func comparison(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard let (organisation, _, year) = try await request.departmentsScope(user) else {
            throw Abort(.notFound, reason: "库中还没有任何部门的数据。")
        }
        let rows = try await DepartmentComparison(database: request.readDB).rows(year: year, organisation: organisation)
        func decimal(_ value: Rational?, places: Int) -> JSONValue {
            value.map { .string(Rounding(mode: .halfUp, places: places).format($0)) } ?? .null
        }
        return json(.object([
            "year": .number(String(year)),
            "departments": .array(rows.map { row in
                .object(["code": .string(row.code), "name": .string(row.name),
                         "region": .string(row.attributes.region), "group": .string(row.attributes.group),
                         "category": .string(row.attributes.category), "adjusted": .string(row.adjusted.yuanString),
                         "rate": decimal(row.rate, places: 4), "total": decimal(row.total, places: 2),
                         "grade": .string(row.grade), "recheck": decimal(row.recheck, places: 2),
                         "recheckGrade": row.recheckGrade.map(JSONValue.string) ?? .null,
                         "findings": .number(String(row.findings)), "unsupported": decimal(row.unsupported, places: 2)])
            }),
        ]))
    }

    /// `POST /api/v1/what-if` with `{"year": Y, "rules": …}` (the bureau): every department re-scored under the rules
    /// (written as a bundle's `template`), nothing stored changed; 422 naming each fault of the rules.
    @Sendable func whatIf(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard user.role == .reviewer || user.role == .auditor else {
            throw Abort(.forbidden, reason: "规则试算由财政局使用。")
        }
        try CSRF.verify(request)
        let body: JSONValue
        do {
            body = try JSONParser.parse(Data(request.body.data?.readableBytesView ?? ByteBuffer().readableBytesView))
        } catch {
            throw Abort(.badRequest, reason: "请求体不是 JSON。")
        }
        guard case .number(let text)? = body["year"], let year = Int(text), (2000...2100).contains(year) else {
            throw Abort(.unprocessableEntity, reason: "year 须为 2000–2100 之间的年度。")
        }
        guard let value = body["rules"] else { throw Abort(.unprocessableEntity, reason: "缺少 rules（试算规则）。") }
        let rules: WhatIf.Rules
        do { rules = try WhatIfRulesReader.decode(value, file: "rules") } catch let error as InputError {
            return issuesJSON(error, reason: "试算规则有 \(error.issues.count) 处问题")
        }
        return json(WhatIfTable.json(try await ProvinceWhatIf(database: request.readDB).outcomes(year: year, rules: rules)))
    }
}
