import Foundation

/// Row ids that grow in the order they are made (UUID version 7: the milliseconds since 1970, then a counter from a
/// random start), so that rows loaded in bulk go to the end of the primary key's index instead of a random page of
/// it — on SQLite the difference between writing each page once and rereading most of the index per batch.
struct TimeOrderedIDs {
    /// The timestamp, the version (7) and 12 random bits.
    private let high: UInt64
    /// The counter, below the variant bits (10).
    private var counter: UInt64

    init(now: Date = Date()) {
        let milliseconds = UInt64(max(0, now.timeIntervalSince1970 * 1_000)) & 0xFFFF_FFFF_FFFF
        high = milliseconds << 16 | 0x7000 | UInt64.random(in: 0...0xFFF)
        // Half the 62-bit range is left to count in, whatever the start.
        counter = UInt64.random(in: 0...(1 << 61))
    }

    mutating func next() -> UUID {
        counter += 1
        let low = 0x8000_0000_0000_0000 | (counter & 0x3FFF_FFFF_FFFF_FFFF)
        func byte(_ value: UInt64, _ index: Int) -> UInt8 { UInt8(truncatingIfNeeded: value >> (56 - 8 * index)) }
        return UUID(uuid: (byte(high, 0), byte(high, 1), byte(high, 2), byte(high, 3), byte(high, 4), byte(high, 5),
                           byte(high, 6), byte(high, 7), byte(low, 0), byte(low, 1), byte(low, 2), byte(low, 3),
                           byte(low, 4), byte(low, 5), byte(low, 6), byte(low, 7)))
    }
}
