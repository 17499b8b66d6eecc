import Foundation
import JixiaoIO
import JixiaoOffice
import JixiaoTestSupport
import Testing

/// A province's work from the command line: a directory of bundles imported (each department on its own, failures
/// listed with their file and path, a second run resuming), every department of a year evaluated and reported.
@Suite struct BatchCLITests {
    let directory: URL
    let database: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("bundles"),
                                                withIntermediateDirectories: true)
        database = directory.appendingPathComponent("store.sqlite").path
    }

    func jixiao(_ arguments: String...) throws -> Command {
        try Command.run(CLITests.binary.path, arguments + ["--database", database], environment: ["DATABASE_URL": ""])
    }

    /// The seed as another department (`code`), its payments of the first `months` months only.
    private func department(_ code: String, name: String, months: Int) throws {
        var bundle = try Fixtures.seedJSON()
        bundle = bundle.setting("department", to: .object(["code": .string(code), "name": .string(name)]))
        if case .array(let payments)? = bundle["payments"] {
            bundle = bundle.setting("payments", to: .array(payments.filter {
                ($0["date"]?.string.flatMap { Int($0.dropFirst(5).prefix(2)) } ?? 13) <= months
            }))
        }
        try Data(bundle.serialized().utf8).write(to: directory.appendingPathComponent("bundles/\(code).json"))
    }

    @Test func aDirectoryIsImportedThenEvaluatedAndReportedDepartmentByDepartment() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try department("440201-KX", name: "甲区科学技术协会", months: 12)
        try department("440202-KX", name: "乙区科学技术协会", months: 6)
        var broken = try String(contentsOf: Fixtures.seed, encoding: .utf8)
        broken = broken.replacingOccurrences(of: "\"2022-03-15\"", with: "\"2022-13-15\"")
        try Data(broken.utf8).write(to: directory.appendingPathComponent("bundles/zz-broken.json"))
        let bundles = directory.appendingPathComponent("bundles").path

        let first = try jixiao("import", bundles)
        #expect(first.status == 2 && first.stdout.contains("已导入 2 个文件，1 个文件未导入"))
        #expect(first.stderr.contains("zz-broken.json：发现") && first.stderr.contains("“2022-13-15”不是有效日期"))
        // Run again: what is stored is skipped, so a stopped import resumes.
        let again = try jixiao("import", bundles)
        #expect(again.stdout.contains("已导入 0 个文件，2 个部门年度已在库中，跳过"))

        let csv = try jixiao("evaluate", "--all", "--year", "2022", "--csv")
        let rows = csv.stdout.split(separator: "\r\n")
        #expect(csv.status == 0 && rows.count == 3)
        #expect(rows.first?.hasPrefix("\u{FEFF}部门编码,部门,年度,评价模板,全年预算数（元）") == true)
        #expect(rows[1].hasPrefix("440201-KX,甲区科学技术协会,2022,national-project-2020,8644000.00,8556300.00,0.9899,97.90,优,"))
        #expect(rows[2].hasPrefix("440202-KX,乙区科学技术协会,"))
        // The same figures one department at a time as in parallel.
        #expect(try jixiao("evaluate", "--all", "--year", "2022", "--csv", "--jobs", "1").stdout == csv.stdout)
        #expect(csv.stderr.contains("评价：2/2"))

        let reports = directory.appendingPathComponent("reports")
        let written = try jixiao("report", "--all", "--year", "2022", "-o", reports.path, "--format", "xlsx")
        #expect(written.status == 0 && written.stdout.contains("已写入 2 个部门的自评表"))
        let files = try FileManager.default.contentsOfDirectory(atPath: reports.path).sorted()
        #expect(files == ["440201-KX-2022-自评表.xlsx", "440202-KX-2022-自评表.xlsx"])

        // One bundle or --all, with a year.
        #expect(try jixiao("evaluate", "--all").status == 64)
        #expect(try jixiao("evaluate", Fixtures.seed.path, "--all", "--year", "2022").status == 64)
        #expect(try jixiao("evaluate", Fixtures.seed.path, "--csv").status == 64)
        // A year without departments is an empty list, not a failure.
        #expect(try jixiao("evaluate", "--all", "--year", "2030").status == 0)
    }

    /// A province's ZIP: bundles in folders imported one part at a time, a broken one listed by its path in the
    /// archive; a department's archive (bundle.json with its evidence) goes in whole, evidence included.
    @Test func aZipOfBundlesIsImportedLikeADirectory() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try department("440201-KX", name: "甲区科学技术协会", months: 12)
        try department("440202-KX", name: "乙区科学技术协会", months: 6)
        let folder = directory.appendingPathComponent("bundles")
        var broken = try String(contentsOf: Fixtures.seed, encoding: .utf8)
        broken = broken.replacingOccurrences(of: "\"2022-03-15\"", with: "\"2022-13-15\"")
        let province = directory.appendingPathComponent("province.zip")
        try ZipWriter.archive([
            ("黄埔区/440201-KX.json", try Data(contentsOf: folder.appendingPathComponent("440201-KX.json"))),
            ("番禺区/440202-KX.json", try Data(contentsOf: folder.appendingPathComponent("440202-KX.json"))),
            ("番禺区/坏数据.json", Data(broken.utf8)), ("说明.txt", Data("不是数据".utf8)),
            ("__MACOSX/黄埔区/._440201-KX.json", Data([0, 1, 2])),
        ]).write(to: province)
        let run = try jixiao("import", province.path)
        #expect(run.status == 2 && run.stdout.contains("已导入 2 个文件，1 个文件未导入"))
        #expect(run.stderr.contains("番禺区/坏数据.json：发现") && run.stderr.contains("“2022-13-15”不是有效日期"))
        #expect(try jixiao("import", province.path).stdout.contains("已导入 0 个文件，2 个部门年度已在库中，跳过"))

        let department = directory.appendingPathComponent("department.zip")
        let signIn = directory.appendingPathComponent("签到表.pdf")
        try Data("%PDF-1.4 签到".utf8).write(to: signIn)
        let digest = String(try Command.run("/usr/bin/sha256sum", [signIn.path]).stdout.prefix(64))
        let evidence = BundleArchive.File(subject: "indicator:i1", name: "签到表.pdf", sha256: digest,
                                          data: try Data(contentsOf: signIn))
        try BundleArchive.write(try BundleReader().read(Fixtures.seed), evidence: [evidence]).write(to: department)
        let whole = try jixiao("import", department.path)
        #expect(whole.status == 0 && whole.stdout.contains("佐证材料 1 份"))
        #expect(try jixiao("import", directory.appendingPathComponent("nothing.zip").path).status != 0)
    }

    @Test func aWhatIfReScoresTheStoredProvinceAndChangesNothing() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try department("440201-KX", name: "甲区科学技术协会", months: 12)
        try department("440202-KX", name: "乙区科学技术协会", months: 6)
        #expect(try jixiao("import", directory.appendingPathComponent("bundles").path).status == 0)
        let before = try jixiao("evaluate", "--all", "--year", "2022", "--csv").stdout

        // Hubei's budget weight: 产出指标's indicators follow their level from 50 to 40 points.
        let hubei = try jixiao("what-if", "--year", "2022", "--rules", #"{"budget":{"weight":"20"},"levels":{"产出指标":"40"}}"#, "--csv")
        let rows = hubei.stdout.split(separator: "\r\n")
        #expect(hubei.status == 0 && rows.count == 3)
        #expect(rows[0] == "\u{FEFF}部门编码,部门,现得分,现等级,试算得分,试算等级,分数变化,等级变化,说明")
        #expect(rows[1] == "440201-KX,甲区科学技术协会,97.90,优,97.80,优,-0.10,,指标权重按比例调整：产出指标 50→40 分")
        // Half a year's payments weigh twice as much: the slow payer falls further than it did.
        #expect(rows[2].hasPrefix("440202-KX,乙区科学技术协会,"))

        let text = try jixiao("what-if", "--year", "2022", "--rules", #"{"rounding":{"mode":"integer"}}"#, "--changed-only")
        #expect(text.status == 0 && text.stdout.hasPrefix("2 个部门中 2 个得分变化"))

        let wrong = try jixiao("what-if", "--year", "2022", "--rules", #"{"budget":{"weight":"二十"}}"#)
        #expect(wrong.status == 2 && wrong.stderr.contains("--rules：发现 1 处问题，未试算") && wrong.stderr.contains("budget.weight"))
        let nothing = try jixiao("what-if", "--year", "2031", "--rules", "hubei-project-2020")
        #expect(nothing.status == 2 && nothing.stderr.contains("库中没有 2031 年的部门"))
        // Nothing stored changed.
        #expect(try jixiao("evaluate", "--all", "--year", "2022", "--csv").stdout == before)
    }

    @Test func theBureausListOfUnitsIsAppliedWholeOrNotAtAll() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("名录.csv")
        try Data("单位编码,单位名称,行政区划\n440201-KX,甲区科学技术协会,甲区\n440202-KX,乙区科学技术协会,乙区\n".utf8).write(to: good)
        let applied = try jixiao("directory", good.path)
        #expect(applied.status == 0 && applied.stdout.contains("单位名录已导入：更新 0 个单位，新增 2 个。"))
        let bad = directory.appendingPathComponent("坏名录.csv")
        try Data("单位编码,单位名称\n440203-KX,\n".utf8).write(to: bad)
        let refused = try jixiao("directory", bad.path)
        #expect(refused.status == 2 && refused.stderr.contains("第 2 行（单位名称）：未填写") && refused.stderr.contains("未导入任何单位"))
        #expect(try jixiao("directory", good.path).stdout.contains("更新 2 个单位，新增 0 个"))
    }

    @Test func copiedReportTextIsListedAcrossTheProvince() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try department("440201-KX", name: "甲区科学技术协会", months: 12)
        try department("440202-KX", name: "乙区科学技术协会", months: 6)
        #expect(try jixiao("import", directory.appendingPathComponent("bundles").path).status == 0)
        let text = try jixiao("similar-text", "--year", "2022")
        #expect(text.status == 0 && text.stdout.hasPrefix("2022 年 2 个部门中，"))
        #expect(text.stdout.contains("100%  甲区科学技术协会（（一）履职效能分析第 1 段） ↔ 乙区科学技术协会（（一）履职效能分析第 1 段）"))
        let csv = try jixiao("similar-text", "--year", "2022", "--csv").stdout.split(separator: "\r\n")
        #expect(csv.first == "\u{FEFF}相似度,部门甲编码,部门甲,段落甲,部门乙编码,部门乙,段落乙,文字" && csv.count > 2)
    }
}

