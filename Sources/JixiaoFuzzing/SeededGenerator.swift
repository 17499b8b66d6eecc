/// A deterministic random number generator (SplitMix64), so property and fuzz tests replay exactly.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `bytes` with 1–8 random mutations: a byte changed, dropped, duplicated, or the tail cut off.
    public mutating func mutate(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        for _ in 0..<Int.random(in: 1...8, using: &self) where !result.isEmpty {
            let index = Int.random(in: 0..<result.count, using: &self)
            switch Int.random(in: 0..<4, using: &self) {
            case 0: result[index] = UInt8.random(in: 0...255, using: &self)
            case 1: result.remove(at: index)
            case 2: result.insert(result[index], at: index)
            default: result.removeSubrange(index...)
            }
        }
        return result
    }
}
