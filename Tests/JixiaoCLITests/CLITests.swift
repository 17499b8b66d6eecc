import Foundation
import JixiaoIO
import JixiaoTestSupport
import Testing

/// Runs the built `jixiao` binary as a user would and checks its output, files and exit codes.
@Suite struct CLITests {
    /// The `jixiao` executable built beside this test bundle.
    static let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("jixiao")

    private func jixiao(_ arguments: String...) throws -> Command {
        try Command.run(CLITests.binary.path, arguments)
    }

    private func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func evaluateJSONShowsTheSeedFigures() throws {
        let run = try jixiao("evaluate", Fixtures.seed.path, "--json")
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.contains(#""adjusted": "8644000.00""#))
        #expect(run.stdout.contains(#""executed": "8556300.00""#))
        #expect(run.stdout.contains(#""rate": "0.9899""#))
        #expect(run.stdout.contains(#""score": "9.90""#))
        #expect(run.stdout.contains(#""grade": "优""#))
    }

    /// `serve --demo` prints what a newcomer needs last, after the start-up log, in a box: the accounts and where to
    /// open.
    @Test func theDemoPrintsItsAccountsLastInABox() throws {
        let port = 18_000 + Int.random(in: 0..<2_000)
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = ["serve", "--demo", "--port", String(port)]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        while !text.contains("╚"), Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        process.terminate()
        process.waitUntilExit()
        let started = try #require(text.range(of: "Server started"))
        let box = try #require(text.range(of: "╔"))
        #expect(started.lowerBound < box.lowerBound)
        #expect(text[box.lowerBound...].contains("║ 演示账号（密码均为 ") && text.contains("║   reviewer\t财政局审核人")
            && text.contains("║ 打开 http://127.0.0.1:\(port)/ 登录"))
    }

    /// A filled-in workbook goes wherever a bundle goes: the same score, findings and report.
    @Test func everyCommandReadsAWorkbookLikeABundle() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let workbook = directory.appendingPathComponent("填报.xlsx").path
        #expect(try jixiao("workbook", "new", "--from", Fixtures.seed.path, "-o", workbook).status == 0)
        #expect(try jixiao("evaluate", workbook, "--json").stdout == (try jixiao("evaluate", Fixtures.seed.path, "--json")).stdout)
        #expect(try jixiao("check", workbook).stdout == (try jixiao("check", Fixtures.seed.path)).stdout)
        #expect(try jixiao("monitor", workbook, "--as-of", "2022-06-30").status == 0)
        let report = directory.appendingPathComponent("报告.md").path
        #expect(try jixiao("report", workbook, "-o", report, "--date", "2023-03-31").status == 0)
        #expect(try String(contentsOfFile: report, encoding: .utf8).contains("2023年3月31日"))
    }

    /// The bundle that once made every file command die by SIGILL: each one now refuses it with exit code 2,
    /// naming the fields.
    @Test func theBundleThatTrappedIsRefusedByEveryCommand() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try String(contentsOf: Fixtures.seed, encoding: .utf8)
            .replacingOccurrences(of: #""target": "40""#, with: #""target": "1e-20", "actual": 100000000000000000000"#)
        let bundle = directory.appendingPathComponent("extreme.json")
        try Data(text.utf8).write(to: bundle)
        for arguments in [["evaluate", bundle.path], ["check", bundle.path], ["monitor", bundle.path, "--as-of", "2022-06-30"],
                          ["report", bundle.path, "-o", directory.appendingPathComponent("r.html").path]] {
            let run = try Command.run(CLITests.binary.path, arguments)
            #expect(run.status == 2, "\(arguments[0])")
            #expect(run.stderr.contains("target") && run.stderr.contains("1e-20"), "\(arguments[0])")
        }
    }

    /// A broken working-day calendar named by the administrator stops every command before it counts by another.
    @Test func aBrokenCalendarFileStopsTheCommands() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let calendar = directory.appendingPathComponent("calendar.json")
        try Data(#"{"format": "jixiao/work-calendar@1", "years": [{"year": 2027, "holidays": ["2027-02-30"]}]}"#.utf8)
            .write(to: calendar)
        let run = try Command.run(CLITests.binary.path, ["evaluate", Fixtures.seed.path],
                                  environment: ["JIXIAO_WORK_CALENDAR": calendar.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("years[0].holidays[0]") && run.stderr.contains("配置有误"))
    }

    /// The bureau's thresholds (`JIXIAO_CHECKS`) are the ones the findings are made by; a broken file stops every
    /// command and names each fault.
    @Test func theBureausThresholdsFileSetsTheFindings() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let checks = directory.appendingPathComponent("checks.json")
        #expect(try jixiao("check", Fixtures.seed.path).stdout.contains("EXECUTION_LOW") == false)
        try Data(#"{"format": "jixiao/checks@1", "minimumExecutionRate": "0.99"}"#.utf8).write(to: checks)
        let strict = try Command.run(CLITests.binary.path, ["check", Fixtures.seed.path],
                                     environment: ["JIXIAO_CHECKS": checks.path])
        #expect(strict.stdout.contains("全年预算执行率为 98.99%，低于 99%。"))
        try Data(#"{"format": "jixiao/checks@1", "minimumExecutionRate": "1.5", "signingDays": 0, "speed": 1}"#.utf8)
            .write(to: checks)
        let broken = try Command.run(CLITests.binary.path, ["evaluate", Fixtures.seed.path],
                                     environment: ["JIXIAO_CHECKS": checks.path])
        #expect(broken.status == 2 && broken.stderr.contains("minimumExecutionRate") && broken.stderr.contains("signingDays")
            && broken.stderr.contains("speed"))
    }

    @Test func evaluateWithoutJSONPrintsASummary() throws {
        let run = try jixiao("evaluate", Fixtures.seed.path)
        #expect(run.status == 0)
        #expect(run.stdout.contains("执行率 98.99%，得分 9.90 / 10"))
        #expect(run.stdout.contains("总分 97.90，等级 优"))
    }

    @Test("check exits 1 when there are findings", arguments: [
        ("hp-kexie-2022.json", Int32(1)), ("demo-health-hubei-2023.json", 1),
    ])
    func checkExitCodes(example: String, status: Int32) throws {
        let run = try jixiao("check", Fixtures.example(example).path)
        #expect(run.status == status)
        #expect(run.stdout.contains("建议："))
    }

    @Test func checkExitsZeroOnACleanYear() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let clean = directory.appendingPathComponent("clean.json")
        try Data("""
        {"format": "jixiao/bundle@1", "year": 2022, "template": "national-project-2020",
         "department": {"code": "T", "name": "测试单位"},
         "budget": {"lines": [{"code": "L1", "name": "项目", "kind": "project", "initial": "100", "adjusted": "100",
                               "executed": "100"}]},
         "indicators": [
          {"id": "a", "level1": "产出指标", "level2": "数量指标", "name": "场次", "nature": "quantitative",
           "direction": ">=", "target": "4", "unit": "场", "weight": "50", "actual": "4"},
          {"id": "b", "level1": "效益指标", "level2": "社会效益指标", "name": "成效", "nature": "qualitative",
           "target": "提升", "weight": "30", "grade": "achieved"},
          {"id": "c", "level1": "满意度指标", "level2": "服务对象满意度指标", "name": "满意度", "nature": "quantitative",
           "direction": ">=", "target": "90", "unit": "%", "weight": "10", "actual": "92",
           "formula": "满意人数 ÷ 受访人数 × 100%", "source": "活动现场问卷"}]}
        """.utf8).write(to: clean)
        let run = try jixiao("check", clean.path)
        #expect(run.status == 0)
        #expect(run.stdout == "未发现问题。\n")
    }

    @Test func anInvalidBundleExitsTwoAndPrintsOnlyItsFaults() throws {
        for command in ["check", "evaluate"] {
            let run = try jixiao(command, Fixtures.fixture("bad-bundle.json").path)
            #expect(run.status == 2)
            #expect(run.stdout.isEmpty)
            // In Chinese, each fault with its JSON path, all of them at once.
            #expect(run.stderr.contains("bad-bundle.json：发现 23 处问题，未作处理"))
            #expect(run.stderr.contains("payments[1].date：“2022-13-05”不是有效日期（YYYY-MM-DD）"))
        }
    }

    @Test func reportWritesMarkdownAndHTML() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let markdown = directory.appendingPathComponent("report.md")
        let html = directory.appendingPathComponent("sub/report.html")
        #expect(try jixiao("report", Fixtures.seed.path, "-o", markdown.path).status == 0)
        #expect(try jixiao("report", Fixtures.seed.path, "--format", "html", "--output", html.path).status == 0)
        #expect(try String(contentsOf: markdown, encoding: .utf8).contains("完成预算的 99%"))
        #expect(try String(contentsOf: html, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func reportWritesOfficeFilesByteIdenticallyEachTime() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for format in ["docx", "xlsx"] {
            let first = directory.appendingPathComponent("first.\(format)")
            let second = directory.appendingPathComponent("second.\(format)")
            #expect(try jixiao("report", Fixtures.seed.path, "-o", first.path).status == 0)
            #expect(try jixiao("report", Fixtures.seed.path, "--format", format, "-o", second.path).status == 0)
            let bytes = try Data(contentsOf: first)
            #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
            #expect(bytes == (try Data(contentsOf: second)))
        }
    }

    @Test(.enabled(if: Command.officeToolsEnabled, "needs LibreOffice"))
    func reportWritesAPDF() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("report.pdf")
        let run = try jixiao("report", Fixtures.seed.path, "-o", pdf.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Data(contentsOf: pdf).starts(with: Array("%PDF".utf8)))
        // It says what it wrote, with the full path and the size.
        #expect(run.stdout.hasPrefix("已写入自评报告：\(pdf.standardizedFileURL.path)（") && run.stdout.contains(" KB）"))
    }

    @Test func reportRefusesAnUnknownFormatAndAnUnwritablePath() throws {
        let usage = try jixiao("report", Fixtures.seed.path, "-o", "/tmp/report.txt")
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("--format md|html|docx|pdf|xlsx"))
        let unwritable = try jixiao("report", Fixtures.seed.path, "-o", "/proc/jixiao/report.md")
        #expect(unwritable.status == 3)
        #expect(unwritable.stderr.contains("/proc/jixiao/report.md：无法写入"))
    }

    @Test func aProjectsTableIsWrittenAloneOrWithTheOthersInOneWorkbook() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bundle = Fixtures.seed
        let one = directory.appendingPathComponent("P02.docx")
        let single = try jixiao("report", bundle.path, "--project", "P02", "-o", one.path)
        #expect(single.status == 0 && single.stdout.hasPrefix("已写入项目支出绩效自评表："))
        #expect(try Data(contentsOf: one).starts(with: Array("PK".utf8)))
        let all = try jixiao("report", bundle.path, "--project", "all", "-o", directory.appendingPathComponent("all.xlsx").path)
        #expect(all.status == 0 && all.stdout.hasPrefix("已写入3 个项目的自评表："))
        let unknown = try jixiao("report", bundle.path, "--project", "P09", "-o", one.path)
        #expect(unknown.status == 2 && unknown.stderr.contains("“P09”不是项目编码（可选：P01、P02、P03、all）"))
        #expect(try jixiao("report", bundle.path, "--project", "all", "-o", one.path).status == 64)
        let monitored = try jixiao("monitor", bundle.path, "--as-of", "2022-06-30")
        #expect(monitored.stdout.contains("项目 P02 科普大篷车展品更新：执行率 ")
            && monitored.stdout.contains("  [严重] 项目“科普大篷车展品更新”（P02）："))
        // Projects are monitored by the rules asked for, as the department is.
        let sichuan = try jixiao("monitor", bundle.path, "--as-of", "2022-06-30", "--rules", "sichuan-2025")
        #expect(sichuan.stdout.contains("  [严重] 项目“科普活动经费”（P01）：") && sichuan.stdout.contains("4 月末累计执行"))
        let none = try jixiao("report", Fixtures.example("demo-health-hubei-2023.json").path, "--project", "P01",
                              "-o", one.path)
        #expect(none.status == 2 && none.stderr.contains("没有项目"))
    }

    @Test func aMissingBundleIsInvalidInput() throws {
        let run = try jixiao("evaluate", "/nonexistent.json")
        #expect(run.status == 2)
        #expect(run.stderr.contains("/nonexistent.json：发现 1 处问题，未作处理\n无法读取"))
    }

    @Test func monitorNamesTheLaggingLinesTheForecastAndThePointsAtRisk() throws {
        let run = try jixiao("monitor", Fixtures.seed.path, "--as-of", "2022-06-30")
        #expect(run.status == 0)
        #expect(run.stdout.contains("截至 2022-06-30（序时进度 49.59%）"))
        #expect(run.stdout.contains("“科普活动经费”（X01）截至 2022-06-30 执行 13.30%"))
        #expect(run.stdout.contains("全年执行率预计约 76.40%，预算执行得分预计 7.64 / 10（少 2.36 分）"))
        #expect(run.stdout.contains("可能完不成的指标：科普设施建设（有可能）、科普活动受众人次（不可能）、重点任务按期完成率（有可能）"))
        #expect(run.stdout.contains("工作计划：共 10 项任务：已完成 1 项，逾期 0 项"))
        let july = try jixiao("monitor", Fixtures.seed.path, "--as-of", "2022-07-15")
        #expect(july.stdout.contains("任务“科普大篷车展品更新：需求论证和采购”（责任人：办公室）应于 2022-06-30 完成，截至 2022-07-15 逾期 15 天"))
        let json = try jixiao("monitor", Fixtures.seed.path, "--as-of", "2022-06-30", "--json", "--rules", "sichuan-2025")
        #expect(json.stdout.contains(#""budgetPointsAtRisk": "2.36""#))
        #expect(json.stdout.contains(#""code": "MONITOR_CHECKPOINT""#))
        #expect(try jixiao("monitor", Fixtures.seed.path, "--as-of", "2023-01-01").status == 2)
        #expect(try jixiao("monitor", Fixtures.seed.path, "--as-of", "2022-13-01").status == 64)
    }

    @Test func templatesAreListedAndShown() throws {
        let list = try jixiao("template", "list")
        #expect(list.status == 0)
        #expect(list.stdout.split(separator: "\n").map { $0.split(separator: "\t")[0] } == [
            "department-overall-gd", "hubei-project-2020", "national-project-2020"])
        #expect(list.stdout.contains("（暂定）"))
        let show = try jixiao("template", "show", "hubei-project-2020")
        #expect(show.stdout.contains("反向指标公式：inverseRatio"))
        let json = try jixiao("template", "show", "national-project-2020", "--json")
        #expect(json.stdout.contains(#""id": "national-project-2020""#))
        let unknown = try jixiao("template", "show", "nope")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("“nope”不是内置评价模板（可选：department-overall-gd、"))
    }
}

/// The data-entry commands: workbook export and import, CSV payment import.
@Suite struct DataEntryCLITests {
    private func jixiao(_ arguments: String...) throws -> Command {
        try Command.run(CLITests.binary.path, arguments)
    }

    private func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-entry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aWorkbookMadeFromABundleImportsBackToTheSameEvaluation() throws {
        let folder = try directory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = folder.appendingPathComponent("seed.xlsx").path
        let bundle = folder.appendingPathComponent("seed.json").path
        #expect(try jixiao("workbook", "new", "--from", Fixtures.seed.path, "-o", workbook).status == 0)
        let imported = try jixiao("import", workbook, "-o", bundle)
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("支付 43 笔，指标 11 项，工作计划任务 10 项"))
        #expect(imported.stdout.contains("已写入数据包：\(URL(fileURLWithPath: bundle).standardizedFileURL.path)"))
        #expect(try jixiao("evaluate", bundle, "--json").stdout == jixiao("evaluate", Fixtures.seed.path, "--json").stdout)
    }

    @Test func anIncompleteWorkbookIsRefusedInChineseAndNothingIsWritten() throws {
        let folder = try directory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = folder.appendingPathComponent("new.xlsx").path
        let bundle = folder.appendingPathComponent("new.json")
        #expect(try jixiao("workbook", "new", "--year", "2025", "-o", workbook).status == 0)
        let run = try jixiao("import", workbook, "-o", bundle.path)
        #expect(run.status == 2)
        #expect(run.stderr.contains("发现 2 处问题，未导入任何数据"))
        #expect(run.stderr.contains("基本情况!B6（部门编码）：未填写（应为文字）"))
        #expect(!FileManager.default.fileExists(atPath: bundle.path))
        #expect(try jixiao("workbook", "new", "-o", workbook).status == 64)
    }

    @Test func paymentsFromCSVAreAddedAllOrNothing() throws {
        let folder = try directory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundle = folder.appendingPathComponent("bundle.json")
        try FileManager.default.copyItem(at: Fixtures.seed, to: bundle)
        let original = try Data(contentsOf: bundle)
        let bad = folder.appendingPathComponent("bad.csv")
        try Data("日期,金额,项目编码\n2022-05-01,100,X01\n2022/13/05,abc,X99\n".utf8).write(to: bad)
        let refused = try jixiao("import-payments", bad.path, "--into", bundle.path)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("第 3 行（支付日期）：“2022/13/05”不是有效日期"))
        #expect(try Data(contentsOf: bundle) == original)
        let good = folder.appendingPathComponent("good.csv")
        try Data("交易日,发生额,项目编码\n2022-05-01,\"1,000.00\",X01\n".utf8).write(to: good)
        let added = try jixiao("import-payments", good.path, "--into", bundle.path, "--map", "date=交易日",
                               "--map", "amount=发生额")
        #expect(added.status == 0)
        #expect(added.stdout.contains("已导入 1 笔支付（UTF-8）"))
        let evaluation = try jixiao("evaluate", bundle.path, "--json").stdout
        #expect(evaluation.contains(#""executed": "8557300.00""#))
        #expect(try jixiao("import-payments", good.path, "--into", bundle.path, "--map", "when=x").status == 64)
    }
}
