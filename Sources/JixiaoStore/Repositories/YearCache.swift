import Foundation
import JixiaoCore

/// Department-years already read from the store (``KeptCache``), each kept with the revision it was read at, so that
/// the pages of a year read it once instead of once per request. A year is used again only while its stored revision
/// (which every change replaces, ``YearChange``) and its department's name are the ones it was read at.
enum YearCache {
    /// What a year is kept at (``YearRepository/Revision``).
    typealias Key = YearRepository.Revision

    /// A year as read, and its assessment once a page has asked for it.
    struct Kept: Sendable {
        var year: DepartmentYear
        var assessment: Assessment?
    }

    /// The years a server keeps: a department-year read with its days' payment totals is small (its records and at
    /// most lines × days totals), so a province's busiest years fit.
    static let shared = KeptCache<UUID, Key, Kept>(capacity: 512)
}
