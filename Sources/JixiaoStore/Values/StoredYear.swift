import Foundation
import JixiaoCore

/// A department's fiscal year as the store holds it, without its data: which department and year, the unit its
/// money fields were given in, and the version a change to its scalar parts (the narrative, the basics) must name.
public struct StoredYear: Sendable, Equatable {
    public let id: UUID
    public let organisationID: UUID
    public let year: Int
    /// The unit the year's plans were given in (their JSON keeps it).
    public let moneyUnit: Money.Unit
    public let version: Int

    public init(id: UUID, organisationID: UUID, year: Int, moneyUnit: Money.Unit, version: Int) {
        self.id = id
        self.organisationID = organisationID
        self.year = year
        self.moneyUnit = moneyUnit
        self.version = version
    }

    init(_ model: FiscalYearModel) throws {
        self.init(id: try model.requireID(), organisationID: model.$organisation.id, year: model.year,
                  moneyUnit: Money.Unit(rawValue: model.moneyUnit) ?? .yuan, version: model.version)
    }
}
