import Foundation
import JixiaoCore
import Synchronization

/// Department-years already read from the store, each kept with the revision it was read at, so that the pages of a
/// year read it once instead of once per request. A year is used again only while its stored revision (which every
/// change replaces, ``YearChange``) is the one it was read at; the revision is read before the year, so what is
/// kept is never older than its revision says. Holds up to `capacity` years, dropping the least recently used; each
/// server keeps its own, and nothing in it is needed to serve (the store stays the only state).
final class YearCache: Sendable {
    /// What a year is kept by: the fiscal year's row, its revision then, and the department's name (which the
    /// bureau's 单位名录 may change without changing the year).
    struct Key: Hashable, Sendable {
        var yearID: UUID
        var revision: String
        var name: String
    }

    /// A year as read, and its assessment once a page has asked for it.
    struct Kept: Sendable {
        var year: DepartmentYear
        var assessment: Assessment?
    }

    private struct Entry {
        var kept: Kept
        var key: Key
        var used: UInt64
    }

    private struct State {
        var entries: [UUID: Entry] = [:]
        var clock: UInt64 = 0
    }

    /// The years a server keeps: a department-year read with its days' payment totals is small (its records and at
    /// most lines × days totals), so a province's busiest years fit.
    static let shared = YearCache(capacity: 512)

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) { self.capacity = capacity }

    /// The year kept for `key`, if it was read at that revision.
    func kept(_ key: Key) -> Kept? {
        state.withLock { state in
            guard var entry = state.entries[key.yearID], entry.key == key else { return nil }
            state.clock += 1
            entry.used = state.clock
            state.entries[key.yearID] = entry
            return entry.kept
        }
    }

    /// Keeps a year as read at `key`'s revision, in place of an older reading; the least recently used year goes
    /// when the cache is full.
    func keep(_ kept: Kept, for key: Key) {
        state.withLock { state in
            state.clock += 1
            if state.entries[key.yearID] == nil, state.entries.count >= capacity,
               let oldest = state.entries.min(by: { $0.value.used < $1.value.used })?.key {
                state.entries[oldest] = nil
            }
            state.entries[key.yearID] = Entry(kept: kept, key: key, used: state.clock)
        }
    }
}
