import Foundation
import JixiaoCore
import JixiaoIO

/// Dates as the departments live them: in China's time zone.
enum ChinaCalendar {
    /// Today in China, within a fiscal year: the year's first or last day when today falls before or after it.
    static func today(within year: Int) -> CivilDate {
        let today = ChinaClock.today()
        if today.year < year { return CivilDate(year: year, month: 1, day: 1)! }
        return today.year == year ? today : CivilDate(year: year, month: 12, day: 31)!
    }

    /// The moment a day begins in China.
    static func start(of date: CivilDate) -> Date {
        Date(timeIntervalSince1970: TimeInterval(date.dayNumber) * 86_400 - 8 * 3600)
    }

    /// A moment as Beijing time, `2026-12-03 10:15:02`, as the audit and review pages show it.
    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }
}
