/// The official working-day calendar: for each year it covers, the public holidays and the make-up working days
/// (调休上班) the State Council publishes. A covered year's working days are Monday to Friday except its holidays,
/// plus its make-up days; a year it does not cover is counted Monday to Friday, and a count says when it did so.
public struct WorkCalendar: Sendable, Hashable {
    /// One year's published arrangement.
    public struct Year: Sendable, Hashable {
        public var year: Int
        /// The notice the dates come from.
        public var source: String
        /// Days off: every day of each holiday, weekends within it included.
        public var holidays: Set<CivilDate>
        /// Weekend days that are working days.
        public var workingWeekends: Set<CivilDate>

        public init(year: Int, source: String, holidays: Set<CivilDate>, workingWeekends: Set<CivilDate>) {
            self.year = year
            self.source = source
            self.holidays = holidays
            self.workingWeekends = workingWeekends
        }
    }

    /// The covered years by number.
    public private(set) var years: [Int: Year]

    public init(years: [Year] = []) {
        self.years = Dictionary(years.map { ($0.year, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// Monday to Friday, no holidays: what a count falls back to.
    public static let weekdaysOnly = WorkCalendar()

    /// This calendar with `other`'s years added, replacing its own where both cover a year.
    public func merging(_ other: WorkCalendar) -> WorkCalendar {
        var merged = self
        merged.years.merge(other.years) { _, theirs in theirs }
        return merged
    }

    /// Whether the calendar holds the arrangement of `year`.
    public func covers(_ year: Int) -> Bool { years[year] != nil }

    /// Whether a day is a working day.
    public func isWorkingDay(_ date: CivilDate) -> Bool {
        if let arrangement = years[date.year] {
            if arrangement.workingWeekends.contains(date) { return true }
            if arrangement.holidays.contains(date) { return false }
        }
        return date.weekday <= 5
    }

    /// A count of working days, with the years it had to count Monday to Friday.
    public struct Count: Sendable, Hashable {
        public let days: Int
        /// Years within the interval that the calendar does not cover, ascending.
        public let uncoveredYears: [Int]
    }

    /// The working days after `start` up to and including `end`; zero when `end` is not after `start`.
    public func workingDays(after start: CivilDate, through end: CivilDate) -> Count {
        let total = start.days(to: end)
        guard total > 0 else { return Count(days: 0, uncoveredYears: []) }
        var days = 0
        var uncovered: Set<Int> = []
        for offset in 1...total {
            let day = CivilDate(dayNumber: start.dayNumber + offset)
            if !covers(day.year) { uncovered.insert(day.year) }
            if isWorkingDay(day) { days += 1 }
        }
        return Count(days: days, uncoveredYears: uncovered.sorted())
    }
}
