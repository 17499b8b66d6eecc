import Foundation
import JixiaoCore

/// Dates as departments live them: the day a moment falls on in China (UTC+8), for the pages, the signed reports
/// and the commands. The engines take their dates as arguments; only the edges read the clock.
public enum ChinaClock {
    /// Today in China.
    public static func today() -> CivilDate { date(of: Date()) }

    /// The day `moment` falls on in China.
    public static func date(of moment: Date) -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!
        let parts = calendar.dateComponents([.year, .month, .day], from: moment)
        return CivilDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CivilDate(year: 2000, month: 1, day: 1)!
    }
}
