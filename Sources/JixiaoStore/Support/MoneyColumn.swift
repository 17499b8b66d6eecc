import JixiaoCore

/// An amount too large for the store's 64-bit money columns. No amount a reader or form accepts is (they stop below
/// 10¹⁵ fen); one computed beyond that is refused rather than truncated.
public struct AmountBeyondColumn: Error, CustomStringConvertible {
    public let amount: String

    public var description: String { "the amount \(amount) yuan is beyond what the store can hold" }
}

extension Money {
    /// The amount for a 64-bit column.
    func column() throws -> Int64 {
        guard let fen = storedFen else { throw AmountBeyondColumn(amount: yuanString) }
        return fen
    }
}
