import Fluent
import Foundation
import JixiaoCore
import SQLKit

extension RecordTables {
    /// Each year's indicators with their measures' filters, rules' tiers and progress reports, in the tree's order.
    static func indicators(yearIDs: [UUID], on database: any Database) async throws -> [UUID: [Indicator]] {
        var filters: [UUID: [String: String]] = [:]
        for row in try await children(indicatorFilters, ["field", "value"], yearIDs: yearIDs, on: database) {
            filters[try row.decode(column: "record_id", as: UUID.self), default: [:]][
                try row.decode(column: "field", as: String.self)] = try row.decode(column: "value", as: String.self)
        }
        var tiers: [UUID: [ScoringRule.Tier]] = [:]
        for row in try await children(indicatorTiers, ["position", "up_to", "score"], yearIDs: yearIDs, on: database,
                                      orderedBy: "position") {
            let id = try row.decode(column: "record_id", as: UUID.self)
            let upTo = try row.decode(column: "up_to", as: String?.self)
            guard let score = Rational(fraction: try row.decode(column: "score", as: String.self)),
                  upTo == nil || upTo.flatMap(Rational.init(fraction:)) != nil else {
                throw Unreadable(table: indicatorTiers, id: id)
            }
            tiers[id, default: []].append(ScoringRule.Tier(upTo: upTo.flatMap(Rational.init(fraction:)), score: score))
        }
        var progress: [UUID: [IndicatorProgress]] = [:]
        for row in try await children(indicatorProgress, columns[indicatorProgress] ?? [], yearIDs: yearIDs,
                                      on: database, orderedBy: "position") {
            let id = try row.decode(column: "record_id", as: UUID.self)
            guard let asOf = CivilDate(iso: try row.decode(column: "as_of", as: String.self)) else {
                throw Unreadable(table: indicatorProgress, id: id)
            }
            progress[id, default: []].append(IndicatorProgress(
                asOf: asOf, actualText: try row.decode(column: "actual_text", as: String.self),
                projectedText: try row.decode(column: "projected_text", as: String?.self),
                likelihood: try choice(row, "likelihood", table: indicatorProgress, id: id),
                cause: try choice(row, "cause", table: indicatorProgress, id: id),
                remedy: try row.decode(column: "remedy", as: String.self)))
        }
        return try await grouped(rows(of: indicators, columns[indicators] ?? [], yearIDs: yearIDs, on: database)) { row in
            let id = try row.decode(column: "id", as: UUID.self)
            func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
            func optional(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
            guard let nature = Indicator.Nature(rawValue: try text("nature")),
                  let direction = Indicator.Direction(rawValue: try text("direction")),
                  let weight = Rational(fraction: try text("weight")) else { throw Unreadable(table: indicators, id: id) }
            var measure: Measure?
            if let aggregate = try optional("measure_aggregate") {
                guard let aggregate = Measure.Aggregate(rawValue: aggregate) else {
                    throw Unreadable(table: indicators, id: id)
                }
                measure = Measure(aggregate: aggregate, field: try optional("measure_field"), filter: filters[id] ?? [:])
            }
            var rule: ScoringRule?
            switch try optional("rule_kind") {
            case "tiers"?:
                rule = .tiers(tiers[id] ?? [])
            case "deduction"?:
                guard let ruleDirection = try optional("deduction_direction").flatMap(Indicator.Direction.init(rawValue:)),
                      let bound = try optional("deduction_bound").flatMap(Rational.init(fraction:)),
                      let step = try optional("deduction_step").flatMap(Rational.init(fraction:)),
                      let points = try optional("deduction_points").flatMap(Rational.init(fraction:)) else {
                    throw Unreadable(table: indicators, id: id)
                }
                rule = .deduction(direction: ruleDirection, bound: bound, step: step, points: points)
            case nil:
                rule = nil
            default:
                throw Unreadable(table: indicators, id: id)
            }
            var manual: ManualScore?
            if let score = try optional("manual_score") {
                guard let value = Rational(fraction: score) else { throw Unreadable(table: indicators, id: id) }
                manual = ManualScore(score: value, reason: try optional("manual_reason") ?? "")
            }
            return Indicator(
                id: try text("key"), level1: try text("level1"), level2: try text("level2"), name: try text("title"),
                nature: nature, direction: direction, targetText: try text("target_text"), unit: try text("unit"),
                weight: weight, actualText: try optional("actual_text"), measure: measure,
                grade: try choice(row, "grade", table: indicators, id: id), rule: rule, manualScore: manual,
                deviation: try text("deviation"), progress: progress[id] ?? [], formula: try text("formula"),
                dataSource: try text("data_source"))
        }
    }

    /// The value of an optional column holding a raw value; ``Unreadable`` when it holds something else.
    private static func choice<Choice: RawRepresentable>(_ row: any SQLRow, _ column: String, table: String,
                                                         id: UUID) throws -> Choice? where Choice.RawValue == String {
        guard let raw = try row.decode(column: column, as: String?.self) else { return nil }
        guard let value = Choice(rawValue: raw) else { throw Unreadable(table: table, id: id) }
        return value
    }
}
