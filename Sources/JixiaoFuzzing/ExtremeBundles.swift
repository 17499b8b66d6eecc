import JixiaoCore
import JixiaoIO

/// Random department-year bundles whose every number is drawn from the edges: zero and negative zero, the largest
/// and finest values each range accepts, values just beyond them, exponents, 40-digit literals, text where a number
/// belongs. Case `n` is always the same bundle, so a failure replays from its number alone.
public enum ExtremeBundles {
    /// The bundle of case `index`.
    public static func bundle(_ index: UInt64) -> JSONValue {
        let random = SeededGenerator(seed: index &* 0x2545_F491_4F6C_DD1D)
        var builder = Builder(random: random)
        return builder.bundle()
    }

    private struct Builder {
        var random: SeededGenerator
        /// How often a number is drawn from beyond its range: never in half the cases, so that those pass the
        /// reader and reach the engines; now and then in the others, so that the reader's refusals are exercised.
        var faultRate = 0.0
        var unit = "yuan"

        mutating func bundle() -> JSONValue {
            faultRate = chance(0.5) ? 0 : 0.02
            unit = chance(0.3) ? "wan" : "yuan"
            let lines = (0..<int(1...4)).map { "L\($0)" }
            let indicators = (0..<int(1...8)).map { indicator(id: "i\($0)") }
            var members: [JSONValue.Member] = [
                .init("format", .string("jixiao/bundle@1")), .init("year", .number("2022")),
                .init("template", template()),
                .init("moneyUnit", .string(unit)),
                .init("department", .object([.init("code", .string("F")), .init("name", .string("模糊测试单位"))])),
                .init("tasks", .array([.string("重点任务一"), .string("重点任务二")])),
                .init("budget", .object([.init("lines", .array(lines.map { line($0) }))])),
                .init("payments", .array((0..<int(0...30)).map { _ in payment(lines) })),
                .init("indicators", .array(indicators)),
                .init("activities", .array((0..<int(0...6)).map { _ in activity() })),
                .init("procurements", .array((0..<int(0...2)).map { _ in procurement(lines) })),
            ]
            if chance(0.5) { members.append(.init("workPlan", .array((0..<int(1...4)).map { task(id: "t\($0)", lines) }))) }
            if chance(0.7) {
                members.append(.init("assets", .object([.init("asOf", .string("2022-12-31")), .init("current", money()),
                                                         .init("nonCurrent", money())])))
            }
            return .object(members)
        }

        // MARK: Parts

        mutating func template() -> JSONValue {
            let base = pick(["national-project-2020", "hubei-project-2020"])
            guard chance(0.4) else { return .string(base) }
            let rounding = JSONValue.object([.init("mode", .string(pick(["halfUp", "truncate", "integer"]))),
                                             .init("places", .number(String(int(0...6))))])
            return .object([.init("base", .string(base)), .init("rounding", rounding),
                            .init("reverse", .string(pick(["linearToDouble", "inverseRatio"])))])
        }

        mutating func line(_ code: String) -> JSONValue {
            var members: [JSONValue.Member] = [.init("code", .string(code)), .init("name", .string("项目\(code)")),
                                               .init("kind", .string(pick(["basic", "project"]))),
                                               .init("initial", money()), .init("adjusted", money())]
            if chance(0.3) { members.append(.init("executed", money())) }
            if chance(0.5) { members.append(.init("plan", monthly())) }
            if chance(0.3) { members.append(.init("lastYear", monthly())) }
            return .object(members)
        }

        mutating func monthly() -> JSONValue {
            .array((1...12).filter { _ in chance(0.5) }.map { month in
                .object([.init("month", .number(String(month))), .init("amount", money())])
            })
        }

        mutating func payment(_ lines: [String]) -> JSONValue {
            .object([.init("line", .string(pick(lines))), .init("date", .string(date(in: 2022))),
                     .init("amount", money(signed: true))])
        }

        mutating func indicator(id: String) -> JSONValue {
            let qualitative = chance(0.2)
            var members: [JSONValue.Member] = [
                .init("id", .string(id)), .init("level1", .string("产出指标")),
                .init("level2", .string(pick(["数量指标", "质量指标", "时效指标", "成本指标"]))),
                .init("name", .string("指标\(id)")), .init("nature", .string(qualitative ? "qualitative" : "quantitative")),
                .init("direction", .string(pick([">=", "<=", "=", ">", "<"]))),
                .init("unit", .string(pick(["场", "%", "万元", "人次", ""]))),
            ]
            let rule = !qualitative && chance(0.3)
            // A rule's points must fit in the weight: rule indicators weigh 10, their tiers score up to 9.9999.
            members.append(.init("weight", rule ? .string("10") : points()))
            if !rule || chance(0.5) { members.append(.init("target", qualitative ? .string("达到预期") : quantity())) }
            if qualitative {
                members.append(.init("grade", .string(pick(["achieved", "partial", "failed"]))))
            } else if chance(0.85) {
                members.append(.init("actual", quantity()))
            }
            if rule { members.append(.init("rule", scoringRule())) }
            if chance(0.1) { members += [.init("score", points()), .init("scoreReason", .string("复核调整"))] }
            if chance(0.3) {
                var report: [JSONValue.Member] = [.init("asOf", .string(date(in: 2022))),
                                                  .init("actual", qualitative ? .string("推进中") : quantity())]
                if !qualitative, chance(0.5) { report.append(.init("projected", quantity())) }
                report.append(.init("likelihood", .string("certain")))
                members.append(.init("progress", .array([.object(report)])))
            }
            return .object(members)
        }

        mutating func scoringRule() -> JSONValue {
            if chance(0.5) {
                return .object([.init("type", .string("deduction")), .init("direction", .string(pick(["<=", ">="]))),
                                .init("bound", quantity()), .init("step", literal(randomDecimal(integerDigits: int(0...6), decimals: int(0...6)) + "1")),
                                .init("points", points())])
            }
            let count = int(1...4)
            let tiers: [JSONValue] = (0..<count).map { index in
                let score = literal(randomDecimal(integerDigits: int(0...1), decimals: int(0...4)))
                return index == count - 1 ? .object([.init("score", score)])
                    : .object([.init("upTo", .string(String(index * 10 + int(0...9)))), .init("score", score)])
            }
            return .object([.init("type", .string("tiers")), .init("tiers", .array(tiers))])
        }

        mutating func activity() -> JSONValue {
            .object([.init("date", .string(date(in: 2022))), .init("title", .string("活动")),
                     .init("kind", .string(pick(["讲座", "展览"]))), .init("audience", quantity())])
        }

        mutating func procurement(_ lines: [String]) -> JSONValue {
            let year = pick([2019, 2022, 2024, 2026, 2031])
            return .object([.init("name", .string("采购")), .init("line", .string(pick(lines))), .init("amount", money()),
                            .init("awarded", .string(date(in: year))), .init("contractSigned", .string(date(in: year))),
                            .init("contractPublished", .string(date(in: year))), .init("contractFiled", .string(date(in: year)))])
        }

        mutating func task(id: String, _ lines: [String]) -> JSONValue {
            let status = pick(["notStarted", "inProgress", "done", "suspended"])
            var members: [JSONValue.Member] = [
                .init("id", .string(id)), .init("keyTask", .number(String(int(1...2)))), .init("title", .string("任务\(id)")),
                .init("owner", .string("办公室")), .init("start", .string(date(in: 2022))), .init("due", .string("2022-12-31")),
                .init("status", .string(status)), .init("lines", .array([.string(pick(lines))])),
                .init("plannedPayments", .array([.object([.init("line", .string(pick(lines))), .init("month", .number(String(int(1...12)))),
                                                         .init("amount", money())])])),
            ]
            if status == "inProgress" { members.append(.init("progress", .string(pick(["0", "0.5", "0.999999", "1", "1.5"])))) }
            if status == "done" { members += [.init("progress", .string("1")), .init("completed", .string(date(in: 2022)))] }
            return .object(members)
        }

        // MARK: Numbers from the edges

        /// An amount: mostly inside the range (its largest and finest values included), sometimes beyond it.
        mutating func money(signed: Bool = false) -> JSONValue {
            let inside = unit == "yuan" ? ["0", "0.01", "1", "864.40", "9999999999999.99", "123456789012.34"]
                : ["0", "0.000001", "864.40", "999999999.999999", "12345.678901"]
            let beyond = ["-0", "1e5", "10000000000000", "0.001", "1e-20", "100000000000000000000", "abc", "1,000"]
            if !chance(faultRate) {
                let text = chance(0.5) ? pick(inside)
                    : unit == "yuan" ? randomDecimal(integerDigits: int(0...13), decimals: int(0...2))
                    : randomDecimal(integerDigits: int(0...9), decimals: int(0...6))
                return literal((signed && chance(0.2) ? "-" : "") + text)
            }
            return literal(pick(beyond))
        }

        /// A quantity (target, actual, bound, audience): anything from 10⁻⁶ to 10¹⁵ and beyond.
        mutating func quantity() -> JSONValue {
            let inside = ["0", "999999999999999.999999", "0.000001", "1e14", "4e6", "-999999999999999", "0.1", "1", "95"]
            let beyond = ["-0", "1e-20", "100000000000000000000", "1e40", "1" + String(repeating: "0", count: 39), "很多"]
            if chance(faultRate) { return literal(pick(beyond)) }
            if chance(0.3) { return literal(pick(inside)) }
            return literal((chance(0.2) ? "-" : "") + randomDecimal(integerDigits: int(0...15), decimals: int(0...6)))
        }

        /// Points: weights and scores, 0 to 9999.9999 and a little beyond.
        mutating func points() -> JSONValue {
            let inside = ["0", "9999.9999", "0.0001", "5", "10", "100"]
            let beyond = ["10000", "0.00001", "-1", "1e3"]
            if chance(faultRate) { return literal(pick(beyond)) }
            return literal(chance(0.4) ? pick(inside) : randomDecimal(integerDigits: int(0...3), decimals: int(0...4)))
        }

        /// Digits without a sign; a minus is added by the caller, never to a zero (negative zero is a fault of its own).
    mutating func randomDecimal(integerDigits: Int, decimals: Int) -> String {
            let whole = integerDigits == 0 ? "0" : String(int(1...9)) + String((1..<integerDigits).map { _ in digit() })
            return decimals == 0 ? whole : whole + "." + String((0..<decimals).map { _ in digit() })
        }

        /// A JSON number or string of the same text, as bundles carry both.
        mutating func literal(_ text: String) -> JSONValue {
            let text = text.hasPrefix("-") && DecimalLiteral(text)?.value == .zero && !chance(faultRate) ? String(text.dropFirst()) : text
            return chance(0.5) && DecimalLiteral(text) != nil && !text.hasPrefix("+") && !text.hasPrefix(".") ? .number(text)
                : .string(text)
        }

        mutating func date(in year: Int) -> String {
            let month = int(1...12)
            let day = int(1...CivilDate.daysIn(month: month, year: year))
            return CivilDate(year: year, month: month, day: day)!.description
        }

        mutating func digit() -> Character { Character(String(int(0...9))) }
        mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
        mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &random) < probability }
        mutating func pick<T>(_ options: [T]) -> T { options[int(0...options.count - 1)] }
    }
}
