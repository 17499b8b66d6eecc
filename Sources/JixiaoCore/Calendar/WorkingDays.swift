/// Counts working days the way procurement deadlines are stated ("within 2 working days of signing").
///
/// Working days are Monday to Friday. Public holidays and the make-up working weekends (调休) that the State
/// Council publishes each year are not modelled yet, so a deadline spanning a holiday is judged strictly.
public enum WorkingDays {
    /// The working days after `start` up to and including `end`; zero when `end` is not after `start`.
    public static func between(_ start: CivilDate, _ end: CivilDate) -> Int {
        let total = start.days(to: end)
        guard total > 0 else { return 0 }
        let fullWeeks = total / 7
        var count = fullWeeks * 5
        var weekday = start.weekday
        for _ in 0..<(total % 7) {
            weekday = weekday % 7 + 1
            if weekday <= 5 { count += 1 }
        }
        return count
    }
}
