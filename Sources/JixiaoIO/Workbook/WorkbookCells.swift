import JixiaoCore
import JixiaoOffice

/// Turns record values into styled workbook cells: money and decimals as numbers, dates as date serials, closed
/// lists as their Chinese labels.
struct WorkbookCells {
    /// A record's field value before it becomes a cell.
    enum Value: Equatable {
        case text(String)
        /// An exact decimal literal.
        case number(String)
        case money(Money)
        case date(CivilDate)
    }

    let unit: Money.Unit

    static let noteStyle = CellStyle(fontSize: 9, alignment: .left, wrap: true)
    private static let plain = CellStyle(wrap: true, bordered: true)

    var moneyFormat: CellStyle.NumberFormat { .custom(unit == .yuan ? "#,##0.00" : "#,##0.00####") }

    func cell(_ value: Value?, kind: WorkbookLayout.Kind) -> SheetCell {
        switch value {
        case nil: return empty()
        case .money(let money)?:
            return SheetCell(.number(money.decimalString(in: unit)),
                             style: CellStyle(numberFormat: moneyFormat, alignment: .right, bordered: true))
        case .date(let date)?:
            return SheetCell(.number(String(ClerkFormats.serial(of: date))),
                             style: CellStyle(numberFormat: .date, alignment: .center, bordered: true))
        case .number(let literal)?:
            return number(literal)
        case .text(let text)?:
            if case .choice(let options) = kind, let option = options.first(where: { $0.value == text }) {
                return SheetCell(.text(option.label), style: CellStyle(alignment: .center, bordered: true))
            }
            // Targets and actuals that are plain numbers stay numbers, so Excel does not flag them.
            if let number = Rational(decimal: text), number.description == text { return self.number(text) }
            return self.text(text)
        }
    }

    func number(_ literal: String) -> SheetCell { SheetCell(.number(literal), style: CellStyle(bordered: true)) }
    func text(_ text: String) -> SheetCell { SheetCell(.text(text), style: WorkbookCells.plain) }
    func empty() -> SheetCell { SheetCell(.empty, style: WorkbookCells.plain) }
}
