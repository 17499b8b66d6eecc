import Foundation
import JixiaoCore
import JixiaoOffice
import JixiaoTestSupport
import Testing
@testable import JixiaoIO

@Suite struct WorkbookTests {
    private func exported(_ name: String) throws -> (DepartmentYear, Data) {
        let year = try BundleReader().read(Fixtures.example(name))
        return (year, try WorkbookExport.workbook(year))
    }

    private func issues(_ data: Data) throws -> [String] {
        let error = try #require(throws: InputError.self) { try WorkbookImport().decode(data, file: "test.xlsx") }
        return error.issues.map { "\($0.path)：\($0.chinese)" }
    }

    @Test("bundle → workbook → bundle is the identity", arguments: Fixtures.examples)
    func roundTrip(name: String) throws {
        let (year, data) = try exported(name)
        #expect(try WorkbookImport().decode(data, file: name) == year)
    }

    @Test func theWorkbookHasEverySheetWithNotesHeadersAndDropDowns() throws {
        let (_, data) = try exported("hp-kexie-2022.json")
        let workbook = try SpreadsheetReader.read(data)
        #expect(workbook.sheets.map(\.name) == ["基本情况", "预算项目", "月度支付计划", "上年月度支付", "支付明细", "绩效指标",
                                                "指标进度", "工作计划", "任务资金计划", "活动记录", "采购", "资产", "项目"])
        let payments = try #require(workbook.sheet(named: "支付明细"))
        #expect(payments[1, 1] == .text("支付日期"))
        #expect(payments[0, 1] == .text("必填，须在本年度内，如 2022-03-05"))
        #expect(payments[2, 1] == .number("44576"))  // 2022-01-15
        let parts = try PackageReader().parts(of: data)
        let indicators = String(decoding: try #require(parts["xl/worksheets/sheet6.xml"]), as: UTF8.self)
        #expect(indicators.contains(#"<formula1>"定量,定性"</formula1>"#))
        #expect(indicators.contains(#"<formula1>"≥,≤,=,&gt;,&lt;"</formula1>"#))
        #expect(indicators.contains(#"<formula1>"分档,扣分"</formula1>"#))
        #expect(indicators.contains(#"<formula1>"产出指标,效益指标,满意度指标"</formula1>"#))
        #expect(indicators.contains(#"<pane ySplit="2" topLeftCell="A3""#))
        let lines = String(decoding: try #require(parts["xl/worksheets/sheet2.xml"]), as: UTF8.self)
        #expect(lines.contains(#"<formula1>"基本支出,项目支出"</formula1>"#))
        let workPlan = String(decoding: try #require(parts["xl/worksheets/sheet8.xml"]), as: UTF8.self)
        #expect(workPlan.contains(#"<formula1>"未启动,进行中,已完成,暂停"</formula1>"#))
        let progress = String(decoding: try #require(parts["xl/worksheets/sheet7.xml"]), as: UTF8.self)
        #expect(progress.contains(#"<formula1>"确定能,有可能,不可能"</formula1>"#))
        #expect(progress.contains(#"<formula1>"经费保障,制度保障,人员保障,硬件条件保障,其他"</formula1>"#))
        #expect(String(decoding: try #require(parts["xl/styles.xml"]), as: UTF8.self).contains(#"formatCode="yyyy-mm-dd""#))
    }

    @Test func aNewWorkbookCarriesTheTemplateFramework() throws {
        let template = try #require(TemplateCatalog.builtIn.template(id: "national-project-2020"))
        let year = DepartmentYear(year: 2025, template: template, department: Department(code: "", name: ""))
        let data = try WorkbookExport.workbook(year)
        let sheet = try #require(try SpreadsheetReader.read(data).sheet(named: "绩效指标"))
        let framework = sheet.rows.dropFirst(2).map { row in
            [row[1], row[2], row[8]].map { cell -> String in
                switch cell {
                case .text(let text)?: text
                case .number(let number)?: number
                default: ""
                }
            }
        }
        #expect(framework.first == ["产出指标", "数量指标", "12.5"])
        #expect(framework.count == 9)
        #expect(framework.last == ["满意度指标", "服务对象满意度指标", "10"])
        // Placeholders are not indicators; what is missing is named by its cell.
        #expect(try issues(data) == ["基本情况!B6（部门编码）：未填写（应为文字）", "基本情况!B7（部门名称）：未填写（应为文字）"])
    }

    /// Rewrites cells of the exported seed workbook's sheets, then writes it again.
    private func edited(_ edits: [(sheet: String, row: Int, column: Int, value: SheetCell.Value)]) throws -> Data {
        let year = try BundleReader().read(Fixtures.seed)
        var sheets = WorkbookExport.sheets(year, prefillFramework: true)
        for edit in edits {
            let index = try #require(sheets.firstIndex { $0.name == edit.sheet })
            sheets[index].rows[edit.row][edit.column].value = edit.value
        }
        return try SpreadsheetWriter.write(sheets, title: "edited")
    }

    @Test func aBadDateAnUnknownLineAndATextAmountAreAllNamedByCell() throws {
        let data = try edited([("支付明细", 2, 1, .text("2022/13/05")), ("支付明细", 3, 0, .text("X99")),
                               ("支付明细", 4, 2, .text("五百元"))])
        #expect(try issues(data) == [
            "支付明细!B3（支付日期）：“2022/13/05”不是有效日期（YYYY-MM-DD）",
            "支付明细!A4（预算项目编码）：“X99”不是预算项目编码",
            "支付明细!C5（支付金额）：“五百元”不是金额（元）",
        ])
    }

    @Test func workPlanAndProgressFaultsAreNamedByCell() throws {
        let data = try edited([("工作计划", 2, 5, .text("2022-02-01")), ("工作计划", 3, 8, .text("i2、i99")),
                               ("任务资金计划", 2, 0, .text("t99")), ("指标进度", 3, 5, .text("")),
                               ("工作计划", 4, 10, .text("完成了"))])
        #expect(try issues(data) == [
            "工作计划!K5（状态）：“完成了”不是可选值（未启动、进行中、已完成、暂停）",
            "任务资金计划!A3（任务编号）：“t99”不是“工作计划”中的编号",
            // A cell left blank is still named by its cell and column.
            "指标进度!F4（偏差原因）：未填写（应为以下之一：经费保障（funding）、制度保障（institution）、人员保障（staffing）、"
                + "硬件条件保障（hardware）、其他（other））",
            "工作计划!F3（完成时限）：“2022-02-01”早于开始日期 2022-03-01",
            "工作计划!I4（关联指标）：“i99”不是指标编号",
        ])
    }

    @Test func choicesTiersAndErrorCellsAreCheckedByTheWorkbook() throws {
        let data = try edited([("预算项目", 2, 2, .text("其他支出")), ("绩效指标", 2, 17, .text("分档")),
                               ("绩效指标", 2, 18, .text("很多:10")), ("活动记录", 3, 3, .text("#DIV/0!")),
                               ("基本情况", 4, 1, .text("美元"))])
        #expect(try issues(data) == [
            "基本情况!B5（金额单位）：“美元”不是金额单位（元、万元）",
            "预算项目!C3（项目类别）：“其他支出”不是可选值（基本支出、项目支出）",
            "绩效指标!S3（分档设置）：“很多:10”不是分档设置（应写作 0:10；1:6；其余:0）",
            "活动记录!D4（受众人次）：“#DIV/0!”不是数字",
        ])
    }

    @Test func anAmountWrittenWithAnExponentIsRefusedByItsCell() throws {
        let data = try edited([("支付明细", 2, 2, .text("1e5")), ("预算项目", 2, 4, .text("8.644E6"))])
        let faults = try issues(data)
        #expect(faults.count == 2)
        #expect(faults.contains { $0.hasPrefix("支付明细!C3（支付金额）：") && $0.contains("1e5") })
        #expect(faults.contains { $0.hasPrefix("预算项目!E3（全年预算数）：") && $0.contains("8.644E6") })
    }

    @Test func anAssetTotalThatMissesItsPartsIsTheBundlesFindingAndTheNoteSaysSo() throws {
        let year = try BundleReader().read(Fixtures.seed)
        let parts = try #require(year.assets?.total)
        let data = try edited([("资产", 2, 3, .number((parts + Money(fen: 1)).decimalString(in: year.moneyUnit)))])
        let imported = try WorkbookImport().decode(data, file: "test.xlsx")
        let findings = FindingsEngine.findings(imported, evaluation: Evaluator.evaluate(imported))
        #expect(findings.contains { $0.code == "ASSETS_MISMATCH" && $0.message.contains("元") })
        // The column's note describes that rule, not a refusal the import never makes.
        let note = try #require(WorkbookLayout.assets.columns.first { $0.key == "total" }?.note)
        #expect(note.contains("资产总额与构成不一致") && !note.contains("须"))
    }

    @Test func columnsAreFoundByHeaderTextWhereverTheyStand() throws {
        let year = try BundleReader().read(Fixtures.seed)
        var sheets = WorkbookExport.sheets(year, prefillFramework: true)
        let index = try #require(sheets.firstIndex { $0.name == "支付明细" })
        sheets[index].rows = sheets[index].rows.map { row in [row[2], row[0], row[1]] + row.dropFirst(3) }
        sheets[index].rows[1][2].value = .text("日期")
        sheets[index].rows[1][0].value = .text("金额（元）")
        sheets.swapAt(1, 3)
        let data = try SpreadsheetWriter.write(sheets, title: "reordered")
        #expect(try WorkbookImport().decode(data, file: "reordered.xlsx") == year)
    }

    @Test(.enabled(if: Command.officeToolsEnabled, "needs LibreOffice"))
    func aWorkbookSavedByLibreOfficeImportsToTheSameYear() throws {
        let (year, data) = try exported("hp-kexie-2022.json")
        let saved = try LibreOfficeResave.resave(data)
        #expect(saved != data)
        #expect(try WorkbookImport().decode(saved, file: "saved.xlsx") == year)
    }

    @Test(.enabled(if: Command.openpyxlEnabled, "needs python3 with openpyxl"))
    func aCellEditedWithOpenpyxlIsRead() throws {
        let (year, data) = try exported("hp-kexie-2022.json")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("edit-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        try data.write(to: file)
        let script = """
        import sys, openpyxl
        book = openpyxl.load_workbook(sys.argv[1])
        book["支付明细"]["C3"] = 123.45
        book["基本情况"]["B7"] = "改名后的单位"
        book.save(sys.argv[1])
        """
        let run = try Command.run("python3", ["-c", script, file.path])
        #expect(run.status == 0, "\(run.stderr)")
        let edited = try WorkbookImport().read(file)
        #expect(edited.payments[0].amount == Money(fen: 12_345))
        #expect(edited.department.name == "改名后的单位")
        #expect(edited.payments.dropFirst() == year.payments.dropFirst())
    }
}

/// Opens and saves a workbook with LibreOffice Calc, as a clerk would.
enum LibreOfficeResave {
    static func resave(_ data: Data) throws -> Data {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("resave-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("out"),
                                                withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("book.xlsx")
        try data.write(to: input)
        let run = try Command.run("soffice", ["--headless", "-env:UserInstallation=" + directory
            .appendingPathComponent("profile").absoluteString, "--convert-to", "xlsx", "--outdir",
            directory.appendingPathComponent("out").path, input.path])
        #expect(run.status == 0, "\(run.stderr)")
        return try Data(contentsOf: directory.appendingPathComponent("out/book.xlsx"))
    }
}
