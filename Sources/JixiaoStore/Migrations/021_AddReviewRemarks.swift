import Fluent

/// A return's notes pointed at the parts of the year they concern (JSON `[{section, indicator, note}]`), kept with
/// the round while it is back in drafting and with the step in the history.
struct AddReviewRemarks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReviewRoundModel.schema).field("remarks", .string, .required, .sql(.default("[]")))
            .update()
        try await database.schema(ReviewEventModel.schema).field("remarks", .string, .required, .sql(.default("[]")))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReviewEventModel.schema).deleteField("remarks").update()
        try await database.schema(ReviewRoundModel.schema).deleteField("remarks").update()
    }
}
