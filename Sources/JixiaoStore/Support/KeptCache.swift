import Synchronization

/// Values worked out from the store, each kept with the version of the stored data it was worked out from, so that
/// pages work them out once per version instead of once per request. A value is given back only for the version it
/// was kept at; whoever keeps one reads the version first, so what is kept is never older than its version says.
/// Holds up to `capacity` values, dropping the least recently used; each server keeps its own, and nothing in it is
/// needed to serve (the store stays the only state).
public final class KeptCache<ID: Hashable & Sendable, Version: Equatable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        var value: Value
        var version: Version
        var used: UInt64
    }

    private struct State {
        var entries: [ID: Entry] = [:]
        var clock: UInt64 = 0
    }

    public let capacity: Int
    private let state = Mutex(State())

    public init(capacity: Int) { self.capacity = capacity }

    /// The value kept for `id`, if it was kept at `version`.
    public func value(for id: ID, at version: Version) -> Value? {
        state.withLock { state in
            guard var entry = state.entries[id], entry.version == version else { return nil }
            state.clock += 1
            entry.used = state.clock
            state.entries[id] = entry
            return entry.value
        }
    }

    /// Keeps `value` for `id` at `version`, in place of one kept at another; the least recently used goes when the
    /// cache is full.
    public func keep(_ value: Value, for id: ID, at version: Version) {
        state.withLock { state in
            state.clock += 1
            if state.entries[id] == nil, state.entries.count >= capacity,
               let oldest = state.entries.min(by: { $0.value.used < $1.value.used })?.key {
                state.entries[oldest] = nil
            }
            state.entries[id] = Entry(value: value, version: version, used: state.clock)
        }
    }
}
