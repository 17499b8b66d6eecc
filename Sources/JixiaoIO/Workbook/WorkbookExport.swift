import Foundation
import JixiaoCore
import JixiaoOffice

/// Writes a department-year as the fill-in workbook: one sheet per part of the year, a notes row above Chinese
/// headers, drop-downs for closed lists, money and date formats, frozen headers. Reading it back with
/// ``WorkbookImport`` gives the same year.
public enum WorkbookExport {
    /// How many rows the drop-downs cover below the headers.
    static let validatedRows = 2_000

    /// The workbook file. `prefillFramework` adds one row per 二级 of the template to 绩效指标 when the year has
    /// no indicators yet.
    public static func workbook(_ year: DepartmentYear, prefillFramework: Bool = true) throws -> Data {
        try SpreadsheetWriter.write(sheets(year, prefillFramework: prefillFramework),
                                    title: "\(year.department.name)\(year.year)年度绩效数据填报表")
    }

    static func sheets(_ year: DepartmentYear, prefillFramework: Bool) -> [Worksheet] {
        let cells = WorkbookCells(unit: year.moneyUnit)
        var indicatorRows = year.indicators.map { WorkbookRecords.indicator($0) }
            + year.projects.flatMap { project in
                project.indicators.map { indicator in
                    var row = WorkbookRecords.indicator(indicator)
                    row["project"] = .text(project.code)
                    return row
                }
            }
        if indicatorRows.isEmpty, prefillFramework { indicatorRows = WorkbookRecords.framework(year.template) }
        var indicators = table(WorkbookLayout.indicators, rows: indicatorRows, cells: cells)
        let levels = year.template.levels.map(\.name)
        if let column = WorkbookLayout.indicators.columns.firstIndex(where: { $0.key == "level1" }) {
            indicators.validations.append(ListValidation(
                range: CellRange(row: 2, column: column, rowCount: validatedRows, columnCount: 1), values: levels))
        }
        return [
            basic(year, cells: cells),
            table(WorkbookLayout.lines, rows: year.budgetLines.map(WorkbookRecords.line), cells: cells),
            table(WorkbookLayout.plan, rows: year.budgetLines.filter { !$0.plan.isEmpty }
                .map { WorkbookRecords.monthly($0, $0.plan) }, cells: cells),
            table(WorkbookLayout.lastYear, rows: year.budgetLines.filter { !$0.lastYear.isEmpty }
                .map { WorkbookRecords.monthly($0, $0.lastYear) }, cells: cells),
            table(WorkbookLayout.payments, rows: year.payments.map(WorkbookRecords.payment), cells: cells),
            indicators,
            table(WorkbookLayout.progress, rows: WorkbookRecords.progress(year.indicators + year.projects.flatMap(\.indicators)),
                  cells: cells),
            table(WorkbookLayout.workPlan, rows: year.workPlan.map(WorkbookRecords.task), cells: cells),
            table(WorkbookLayout.taskPayments, rows: WorkbookRecords.taskPayments(year.workPlan), cells: cells),
            activities(year.activities, cells: cells),
            table(WorkbookLayout.procurements, rows: year.procurements.map(WorkbookRecords.procurement), cells: cells),
            table(WorkbookLayout.assets, rows: year.assets.map { [WorkbookRecords.assets($0)] } ?? [], cells: cells),
            table(WorkbookLayout.projects, rows: year.projects.map(WorkbookRecords.project), cells: cells),
        ]
    }

    /// 基本情况: label, value and note per row.
    private static func basic(_ year: DepartmentYear, cells: WorkbookCells) -> Worksheet {
        var sheet = Worksheet(name: WorkbookLayout.basicSheet, columnWidths: [22, 60, 50], frozenRows: 1)
        let header = CellStyle(bold: true, alignment: .center, wrap: true, bordered: true)
        sheet.rows.append(["项目", "内容", "说明"].map { SheetCell(.text($0), style: header) })
        let values = WorkbookRecords.basic(year)
        for row in WorkbookLayout.basicRows {
            let entries: [WorkbookCells.Value?] = row.key == "task"
                ? (year.tasks.isEmpty ? [nil] : year.tasks.map { .text($0) })
                : [values[row.key] ?? nil]
            for entry in entries {
                let value = cells.cell(entry, kind: .text)
                if row.key == "moneyUnit" {
                    sheet.validations.append(ListValidation(range: CellRange(row: sheet.rows.count, column: 1,
                                                                             rowCount: 1, columnCount: 1),
                                                            values: WorkbookLayout.moneyUnits.map(\.label)))
                }
                sheet.rows.append([SheetCell(.text(row.label), style: CellStyle(bold: true, bordered: true)), value,
                                   SheetCell(.text(row.note), style: WorkbookCells.noteStyle)])
            }
        }
        return sheet
    }

    /// A data sheet: notes, headers, then one row per record; drop-downs on choice columns.
    static func table(_ layout: WorkbookLayout.Sheet, rows: [[String: WorkbookCells.Value]], cells: WorkbookCells,
                      extraColumns: [WorkbookLayout.Column] = []) -> Worksheet {
        let columns = layout.columns + extraColumns
        var sheet = Worksheet(name: layout.name, columnWidths: columns.map(\.width), frozenRows: 2)
        sheet.rows.append(columns.map { SheetCell(.text($0.note), style: WorkbookCells.noteStyle) })
        sheet.rowHeights[0] = 42
        sheet.rows.append(columns.map {
            SheetCell(.text($0.header), style: CellStyle(bold: true, alignment: .center, wrap: true, bordered: true))
        })
        for record in rows {
            sheet.rows.append(columns.map { column in cells.cell(record[column.key], kind: column.kind) })
        }
        for (index, column) in columns.enumerated() {
            guard case .choice(let options) = column.kind else { continue }
            sheet.validations.append(ListValidation(
                range: CellRange(row: 2, column: index, rowCount: validatedRows, columnCount: 1),
                values: options.map(\.label)))
        }
        return sheet
    }

    /// 活动记录, with a `数值：名称` column for every number besides the audience.
    private static func activities(_ activities: [Activity], cells: WorkbookCells) -> Worksheet {
        let extra = Set(activities.flatMap(\.quantities.keys)).subtracting(["audience"]).sorted().map {
            WorkbookLayout.Column($0, WorkbookLayout.quantityPrefix + $0, .decimal, width: 12, note: "数值，可空")
        }
        return table(WorkbookLayout.activities, rows: activities.map(WorkbookRecords.activity), cells: cells,
                     extraColumns: extra)
    }
}
