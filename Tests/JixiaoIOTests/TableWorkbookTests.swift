import Foundation
import JixiaoIO
import JixiaoOffice
import Testing

/// A bureau list as Excel: figures in the numeric columns become numbers, anything else stays text.
@Suite struct TableWorkbookTests {
    @Test func onlyDecimalsInNumericColumnsBecomeNumbers() throws {
        let data = try TableWorkbook.data(title: "清单", header: ["编码", "分数", "变化"],
                                          rows: [["440112", "97.90", "-0.10"], ["440113", "五", ""], ["440114", "1e5", "—"]],
                                          numericColumns: [1, 2])
        let sheet = try #require(try SpreadsheetReader.read(data).sheet(named: "清单"))
        #expect(sheet[0, 1] == .text("分数") && sheet[1, 0] == .text("440112"))
        #expect(sheet[1, 1] == .number("97.90") && sheet[1, 2] == .number("-0.10"))
        #expect(sheet[2, 1] == .text("五") && sheet[2, 2] == nil && sheet[3, 1] == .text("1e5") && sheet[3, 2] == .text("—"))
    }
}
