import JixiaoCore

extension SeededGenerator {
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
