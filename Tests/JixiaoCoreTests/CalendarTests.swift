import Testing
@testable import JixiaoCore

@Suite struct CivilDateTests {
    @Test("real dates are read", arguments: ["2022-03-05", "2024-02-29", "2000-02-29", "2022-12-31"])
    func parses(text: String) {
        #expect(CivilDate(iso: text)?.description == text)
    }

    @Test("impossible or malformed dates are refused",
          arguments: ["2022-13-05", "2022-02-29", "1900-02-29", "2022-04-31", "2022-3-5", "2022/03/05", "20220305",
                      "", "2022-00-10", "2022-01-00"])
    func refuses(text: String) {
        #expect(CivilDate(iso: text) == nil)
    }

    @Test func weekdaysAndDistances() {
        #expect(CivilDate(iso: "2022-09-05")?.weekday == 1)
        #expect(CivilDate(iso: "2022-09-04")?.weekday == 7)
        #expect(CivilDate(iso: "1970-01-01")?.dayNumber == 0)
        #expect(CivilDate(iso: "2022-01-01")!.days(to: CivilDate(iso: "2022-12-31")!) == 364)
        #expect(CivilDate(iso: "2024-01-01")!.days(to: CivilDate(iso: "2025-01-01")!) == 366)
    }

    @Test("without a calendar year, working days skip weekends", arguments: [
        ("2022-09-05", "2022-09-07", 2), // Monday → Wednesday
        ("2022-09-09", "2022-09-12", 1), // Friday → Monday
        ("2022-09-09", "2022-09-13", 2),
        ("2022-09-05", "2022-09-14", 7),
        ("2022-09-05", "2022-09-05", 0),
        ("2022-09-10", "2022-09-11", 0), // Saturday → Sunday
        ("2022-09-07", "2022-09-05", 0),
    ])
    func workingDays(start: String, end: String, expected: Int) {
        let count = WorkCalendar.weekdaysOnly.workingDays(after: CivilDate(iso: start)!, through: CivilDate(iso: end)!)
        #expect(count.days == expected)
        #expect(count.uncoveredYears == (start < end ? [2022] : []))
    }

    @Test func aCoveredYearCountsItsHolidaysAndMakeUpDays() {
        let day = { CivilDate(iso: $0)! }
        let calendar = WorkCalendar(years: [WorkCalendar.Year(
            year: 2022, source: "test", holidays: Set((1...7).map { CivilDate(year: 2022, month: 10, day: $0)! }),
            workingWeekends: [day("2022-10-08"), day("2022-10-09")])])
        #expect(calendar.workingDays(after: day("2022-09-29"), through: day("2022-10-08")) ==
                WorkCalendar.Count(days: 2, uncoveredYears: []))
        #expect(!calendar.isWorkingDay(day("2022-10-03")) && calendar.isWorkingDay(day("2022-10-09")))
        #expect(calendar.workingDays(after: day("2022-12-30"), through: day("2023-01-03")) ==
                WorkCalendar.Count(days: 2, uncoveredYears: [2023]))
    }
}
