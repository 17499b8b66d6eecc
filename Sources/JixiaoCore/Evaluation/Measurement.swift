/// Computes indicators' actual values from the year's records.
public enum Measurement {
    /// The value of a measure over the activities dated within `year`, with the indices of those that counted.
    public static func value(of measure: Measure, activities: [Activity], year: Int) -> (Rational, [Int]) {
        var matched: [Int] = []
        var total = Rational.zero
        for (index, activity) in activities.enumerated() where activity.date.year == year {
            guard measure.filter.allSatisfy({ activity.text($0.key) == $0.value }) else { continue }
            switch measure.aggregate {
            case .count:
                matched.append(index)
                total += .one
            case .sum:
                guard let field = measure.field, let value = activity.quantities[field] else { continue }
                matched.append(index)
                total += value
            }
        }
        return (total, matched)
    }
}
