import Foundation
import JixiaoCore
import SQLKit

/// The year's assets (资产) as columns of `fiscal_years`: the date, the two parts and the declared total in fen,
/// all empty for a year without assets.
enum AssetColumns {
    static let names = ["assets_as_of", "assets_current_fen", "assets_non_current_fen", "assets_total_fen"]

    /// The columns' values, in the order of ``names``.
    static func values(_ assets: Assets?) throws -> [SQLBind] {
        guard let assets else { return [SQLBind(String?.none), SQLBind(Int64?.none), SQLBind(Int64?.none),
                                        SQLBind(Int64?.none)] }
        return [SQLBind(assets.asOf.description), SQLBind(try assets.current.column()),
                SQLBind(try assets.nonCurrent.column()), SQLBind(try assets.declaredTotal?.column())]
    }

    /// The assets a row with the columns holds; nil when it holds none.
    static func assets(_ row: any SQLRow) throws -> Assets? {
        guard let asOf = try row.decode(column: names[0], as: String?.self).flatMap(CivilDate.init(iso:)),
              let current = try row.decode(column: names[1], as: Int64?.self),
              let nonCurrent = try row.decode(column: names[2], as: Int64?.self) else { return nil }
        return Assets(asOf: asOf, current: Money(fen: current), nonCurrent: Money(fen: nonCurrent),
                      declaredTotal: try row.decode(column: names[3], as: Int64?.self).map(Money.init(fen:)))
    }

    /// Sets the columns of the fiscal year `yearID` to `assets`.
    static func set(_ assets: Assets?, yearID: UUID, on database: any SQLDatabase) async throws {
        var update = database.update(FiscalYearModel.schema)
        for (name, value) in zip(names, try values(assets)) { update = update.set(SQLIdentifier(name), to: value) }
        try await update.where("id", .equal, SQLBind(yearID)).run()
    }
}
