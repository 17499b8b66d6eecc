import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

/// 规则试算: the bureau re-scores every department of a year under other rules (another template, or overrides on
/// each department's own) and sees who changes score and grade — read-only, nothing stored changes. The rules come
/// in the query, so a result can be bookmarked and downloaded as CSV.
struct WhatIfController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.whatIf, use: show)
        routes.get(.whatIfCSV, use: csv)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        return html(WhatIfView.render(try await model(request, user: user), user: user, csrf: CSRF.token(for: request)))
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard let model = try await model(request, user: user), let outcomes = model.outcomes else {
            throw Abort(.notFound)
        }
        return try await Download.csv(WhatIfTable.csv(outcomes), filename: "规则试算\(model.year).csv", on: request)
    }

    /// The form as asked and, once any rule is given, every department's outcome; nil when no year is held.
    private func model(_ request: Request, user: CurrentUser) async throws -> WhatIfModel? {
        guard !user.role.isDepartmental else { throw Abort(.forbidden, reason: "规则试算由财政部门使用。") }
        guard let (_, held, year) = try await request.departmentsScope(user) else { return nil }
        let form = WhatIfModel.Form(
            base: text(request, "base"), rounding: text(request, "rounding"), places: text(request, "places"),
            budgetWeight: text(request, "budgetWeight"), reverse: text(request, "reverse"))
        var model = WhatIfModel(year: year, years: held, form: form)
        guard let rules = form.rules else { return model }
        do {
            let tried = try WhatIfRulesReader.decode(rules, file: "试算规则")
            model.outcomes = try await ProvinceWhatIf(database: request.readDB).outcomes(year: year, rules: tried)
        } catch let error as InputError {
            model.problems = error.chineseLines
        }
        return model
    }

    private func text(_ request: Request, _ key: String) -> String? {
        (try? request.query.get(String.self, at: key)).flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
    }
}

/// What the 规则试算 page shows.
struct WhatIfModel {
    /// The rules as the form gave them; nil fields leave a rule as it is.
    struct Form {
        var base: String?
        var rounding: String?
        var places: String?
        var budgetWeight: String?
        var reverse: String?

        /// The rules as a bundle writes a `template`: an object with `base` for one template, without it for
        /// overrides on each department's own; nil while nothing is asked.
        var rules: JSONValue? {
            var members: [JSONValue.Member] = []
            if let base { members.append(.init("base", .string(base))) }
            if let rounding {
                members.append(.init("rounding", .object(["mode": .string(rounding),
                                                           "places": .number(places ?? "2")])))
            }
            if let budgetWeight { members.append(.init("budget", .object(["weight": .string(budgetWeight)]))) }
            if let reverse { members.append(.init("reverse", .string(reverse))) }
            return members.isEmpty ? nil : .object(members)
        }

        /// The same rules as query items, for the CSV link.
        var query: [(String, String?)] {
            [("base", base), ("rounding", rounding), ("places", places), ("budgetWeight", budgetWeight),
             ("reverse", reverse)]
        }
    }

    let year: Int
    let years: [Int]
    let form: Form
    /// Every department's outcome, in code order; nil until rules are given (or when they were wrong).
    var outcomes: [WhatIf.Outcome]?
    /// What is wrong with the rules, one line each.
    var problems: [String] = []

    init(year: Int, years: [Int], form: Form) {
        self.year = year
        self.years = years
        self.form = form
    }
}
