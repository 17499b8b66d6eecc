import Fluent
import Foundation
import JixiaoCore
import JixiaoIO

/// 规则试算 over a province: every department of a year re-scored under other rules from the scoring inputs its
/// evaluation snapshot keeps — one query, no year loaded, the documents decoded and scored on every core.
public struct ProvinceWhatIf: Sendable {
    public let database: any Database
    public let catalog: TemplateCatalog

    public init(database: any Database, catalog: TemplateCatalog = .builtIn) {
        self.database = database
        self.catalog = catalog
    }

    /// Each department of `year` (one organisation's when given) under its own rules and under `rules`, in code
    /// order. A snapshot whose inputs cannot be read gives an outcome that says so instead of a score.
    public func outcomes(year: Int, rules: WhatIf.Rules, organisation: String? = nil) async throws -> [WhatIf.Outcome] {
        let stored = try await StoredScoringInputs(database: database).entries(year: year, organisation: organisation)
        let catalog = self.catalog
        let chunk = max(64, stored.count / (ProcessInfo.processInfo.activeProcessorCount * 4) + 1)
        return try await withThrowingTaskGroup(of: (Int, [WhatIf.Outcome]).self) { group in
            for start in stride(from: 0, to: stored.count, by: chunk) {
                let slice = Array(stored[start..<min(start + chunk, stored.count)])
                group.addTask {
                    (start, slice.map { entry in
                        guard let inputs = try? ScoringInputsJSON.decode(entry.inputs, catalog: catalog) else {
                            return WhatIf.Outcome(code: entry.code, name: entry.name, before: .zero, gradeBefore: "",
                                                  after: nil, gradeAfter: nil,
                                                  problem: "评价快照缺少评分数据，请修改或重新导入本年度后再试算")
                        }
                        return WhatIf.outcome(WhatIf.Department(code: entry.code, name: entry.name, inputs: inputs),
                                              rules: rules, catalog: { catalog.template(id: $0) })
                    })
                }
            }
            var parts: [(Int, [WhatIf.Outcome])] = []
            for try await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }
}
