import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoTestSupport
import Testing
@testable import JixiaoStore
@testable import JixiaoWeb

/// The pages' models, built from the seed year without a database or HTML: what each page shows, in words and
/// figures, and where its links and forms go.
@Suite struct PageModelTests {
    private let seed: DepartmentYear

    init() throws { seed = try BundleReader().read(Fixtures.seed) }

    @Test func activitiesAreCountedInTheYearWithTheirAudience() {
        let model = ActivitiesModel(seed, digest: "d", mayChange: true)
        #expect(model.rows.count == seed.activities.count && model.rows.first?.position == 0)
        #expect(model.summary == "本年度活动 47 场，受众合计 4480000 人次。")
    }

    @Test func procurementDeadlinesAreWordedAndStandBesideTheDatesTheyClose() {
        let model = ProcurementsModel(seed, digest: "d", mayChange: true)
        let entry = model.entries[0]
        #expect(entry.heading == "科普大篷车展品更新（56.85 万元）")
        #expect(entry.checks.count == 4 && entry.checks.allSatisfy { $0.cssClass == "ok" })
        var late = entry.form
        late.contractSigned = "2022/10/1"
        let beside = model.deadlines(of: late)
        #expect(beside["contractSigned"]?.cssClass == "severity-high")
        #expect(beside["contractSigned"]?.text.contains("用时 40 天，超过 30 天") == true)
        #expect(beside["started"] != nil && beside["awarded"] == nil)
        #expect(model.deadlines(of: ProcurementForm())["contractFiled"]
            == ProcurementsModel.Deadline(text: "应在签订后 7 个工作日内", cssClass: "basis"))
    }

    @Test func assetsShowAMismatchInYuanWhenItIsUnderAHundredthOfAWan() throws {
        var year = seed
        let assets = try #require(year.assets)
        year.assets?.declaredTotal = assets.total + Money(fen: 1)
        let model = AssetsModel(year, form: AssetsController.Form(year.assets), mayChange: false)
        #expect(model.figures?.total == "181.66")
        #expect(model.figures?.mismatch?.contains("元") == true && model.figures?.mismatch?.contains("不一致") == true)
        #expect(AssetsModel(seed, form: .init(seed.assets), mayChange: true).figures?.mismatch == nil)
    }

    @Test func basicsNumberTheKeyTasksOneALine() {
        let model = BasicsModel(code: "440112-KX", name: "区科协", year: 2022, version: 3,
                                basics: .init(overview: "概况", tasks: ["一", "二"], goal: "目标"), mayChange: false)
        #expect(model.tasks == "一\n二" && model.version == 3)
    }

    @Test func evidenceRowsSayWhatTheyBackAndWhereTheyGo() throws {
        let id = UUID()
        let entries = [
            EvidenceRepository.Entry(id: id, subject: "indicator:i1", name: "签到表.pdf", type: "application/pdf",
                                     size: 36_044, sha256: String(repeating: "ab", count: 32), uploadedBy: "preparer",
                                     uploadedAt: Date(timeIntervalSince1970: 1_700_000_000)),
            EvidenceRepository.Entry(id: UUID(), subject: "task:t99", name: "旧任务.pdf", type: "application/pdf",
                                     size: 100, sha256: String(repeating: "cd", count: 32), uploadedBy: "preparer",
                                     uploadedAt: Date(timeIntervalSince1970: 1_700_000_000)),
        ]
        let model = EvidenceModel(seed, entries: entries, mayChange: true)
        #expect(model.groups.map(\.kind) == EvidenceSubject.Kind.allCases.map(\.chinese))
        #expect(model.groups[0].subjects.count == seed.indicators.count)
        let row = try #require(model.rows.first)
        #expect(row.subject.hasPrefix("绩效指标：") && !row.orphaned)
        #expect(row.download == "/years/440112-KX/2022/evidence/\(id.uuidString)" && row.remove == row.download + "/delete")
        #expect(row.size == "35.1 KB" && row.digest == "abababababab…")
        #expect(model.rows[1].orphaned && model.rows[1].subject == "task:t99")
    }
}
