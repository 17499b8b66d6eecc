import Fluent

/// Each budget line may name where its money comes from (资金来源: `fiscal` 财政拨款, `carryover` 上年结转, `other`
/// 其他资金), as a project's self-evaluation table splits its funds. Lines stored before it name none (财政拨款).
/// A year's projects are kept as records of kind `project` and need no schema of their own.
struct AddFundingSourceToBudgetLines: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(BudgetLineModel.schema).field("source", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BudgetLineModel.schema).deleteField("source").update()
    }
}
