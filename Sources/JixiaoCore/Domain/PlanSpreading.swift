/// Monthly payment plans made from a total: spread evenly over a run of months, or in proportion to a profile such as
/// last year's payments. Exact to the fen: the months add up to the total — each month gets its share rounded down,
/// and the fen left over go one each to the months with the largest remainders (the earlier month on a tie).
public enum PlanSpreading {
    /// The total in equal parts over `months`.
    public static func evenly(_ total: Money, over months: ClosedRange<Int>) -> [MonthlyAmount] {
        apportion(total, weights: months.map { ($0, 1) })
    }

    /// The total in proportion to a profile's monthly amounts; nil when the profile holds nothing to follow.
    public static func following(_ profile: [MonthlyAmount], total: Money) -> [MonthlyAmount]? {
        let weights = profile.filter { $0.amount > .zero }.map { ($0.month, $0.amount.fen) }
        return weights.isEmpty ? nil : apportion(total, weights: weights)
    }

    /// Largest-remainder apportionment of `total` fen by positive weights; months that get nothing are left out.
    static func apportion(_ total: Money, weights: [(month: Int, weight: Int128)]) -> [MonthlyAmount] {
        let sum = weights.map { Rational($0.weight) }.sum()
        guard sum > .zero, total > .zero else { return [] }
        var shares = weights.map { entry in
            let exact = total.fenValue * Rational(entry.weight) / sum
            return (month: entry.month, fen: exact.floor, remainder: exact - exact.floor)
        }
        let leftover = (total.fenValue - shares.map(\.fen).sum()).int64Value ?? 0
        let order = shares.indices.sorted {
            shares[$0].remainder != shares[$1].remainder ? shares[$0].remainder > shares[$1].remainder
                : shares[$0].month < shares[$1].month
        }
        for index in order.prefix(Int(leftover)) { shares[index].fen += .one }
        return shares.compactMap { share in
            Money(exactly: share.fen).flatMap { $0 > .zero ? MonthlyAmount(month: share.month, amount: $0) : nil }
        }.sorted { $0.month < $1.month }
    }
}
