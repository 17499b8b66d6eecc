import Foundation
import JixiaoCore
import JixiaoTestSupport
import Testing
@testable import JixiaoIO

/// The official working-day calendar the catalogue ships: its data, the procurement deadlines counted by it, the
/// administrator's file merged over it.
@Suite struct WorkCalendarTests {
    let calendar = TemplateCatalog.builtIn.workCalendar
    let day = { (text: String) in CivilDate(iso: text)! }

    @Test func coversEveryPublishedYearFrom2019() {
        #expect((2019...2026).allSatisfy(calendar.covers))
        #expect(!calendar.covers(2018))
        // Each year gives its statutory holidays on weekdays, less the make-up days: 11 until 2024, 13 from 2025
        // (and 13 in 2020, whose Spring Festival was extended).
        for year in 2019...2026 {
            let arrangement = try! #require(calendar.years[year])
            let weekdaysOff = arrangement.holidays.filter { $0.weekday <= 5 }.count
            let expected = year >= 2025 || year == 2020 ? 13 : 11
            #expect(weekdaysOff - arrangement.workingWeekends.count == expected, "\(year)")
        }
    }

    @Test func theNationalDayMakeUpSaturdayOf2022IsAWorkingDay() {
        // Signed Thursday 29 September, published Saturday 8 October: 30 September and 8 October.
        #expect(calendar.workingDays(after: day("2022-09-29"), through: day("2022-10-08")).days == 2)
        #expect(WorkCalendar.weekdaysOnly.workingDays(after: day("2022-09-29"), through: day("2022-10-08")).days == 6)
    }

    @Test func theLabourDayMakeUpDaysOf2024Count() {
        #expect(calendar.isWorkingDay(day("2024-04-28")) && calendar.isWorkingDay(day("2024-05-11")))
        #expect(!calendar.isWorkingDay(day("2024-05-01")) && !calendar.isWorkingDay(day("2024-05-03")))
        // After Friday 26 April: 28 April, 29–30 April, 6–10 May and Saturday 11 May.
        #expect(calendar.workingDays(after: day("2024-04-26"), through: day("2024-05-11")).days == 9)
    }

    @Test func procurementDeadlinesCountByTheCalendarAndSayWhenTheyCouldNot() throws {
        var year = try BundleReader().read(Fixtures.seed)
        year.procurements = [
            Procurement(name: "国庆前签订", amount: Money(fen: 100), contractSigned: day("2022-09-29"),
                        contractPublished: day("2022-10-08"), contractFiled: day("2022-10-13")),
            Procurement(name: "未收录年度", amount: Money(fen: 100), contractSigned: day("2030-09-27"),
                        contractPublished: day("2030-10-02")),
        ]
        let findings = FindingsEngine.findings(year, evaluation: Evaluator.evaluate(year))
            .filter { $0.subject?.hasPrefix("procurements") == true }
        #expect(findings.map(\.subject) == ["procurements[1]"])
        #expect(findings.first?.message.contains("未收录 2030 年的法定节假日安排，按周一至周五计算") == true)
    }

    @Test func anAdministratorsFileAddsAndReplacesYears() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("calendar-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let text = #"{"format": "jixiao/work-calendar@1", "years": [{"year": 2030, "source": "test", "#
            + #""holidays": ["2030-10-01/2030-10-07"], "workingWeekends": ["2030-09-29"]}]}"#
        try Data(text.utf8).write(to: file)
        let merged = try WorkCalendarFile.configured(builtIn: calendar,
                                                     environment: [WorkCalendarFile.environmentVariable: file.path])
        #expect(merged.covers(2030) && merged.covers(2022))
        #expect(merged.isWorkingDay(day("2030-09-29")) && !merged.isWorkingDay(day("2030-10-02")))
    }

    @Test func aBrokenCalendarFileReportsEveryFault() {
        let text = #"{"format": "jixiao/work-calendar@1", "years": [{"year": 2030, "source": "x", "#
            + #""holidays": ["2030-13-01", "2029-05-01"], "workingWeekends": ["2030-10-02"]}]}"#
        let error = #expect(throws: InputError.self) { try WorkCalendarFile.decode(Data(text.utf8), file: "x.json") }
        #expect(error?.issues.map(\.path) == ["years[0].holidays[0]", "years[0].holidays[1]", "years[0].workingWeekends[0]"])
    }
}
