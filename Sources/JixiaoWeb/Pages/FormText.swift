import Foundation
import JixiaoIO

/// Text as a form posts it: browsers send CRLF line ends, and blanks around a value mean nothing.
enum FormText {
    static func clean(_ value: String?) -> String {
        (value ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A date as a clerk types it (2022/6/30, 2022年6月30日) as `YYYY-MM-DD`; anything else as typed, for the bundle
    /// reader to refuse by name.
    static func date(_ value: String?) -> String {
        let text = clean(value)
        return ClerkFormats.date(text)?.description ?? text
    }
}
