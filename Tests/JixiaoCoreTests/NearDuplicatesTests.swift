import Testing
@testable import JixiaoCore

/// Passages copied between departments: found when whole or lightly edited, never for unrelated text, within one
/// department, or for passages too short to judge.
@Suite struct NearDuplicatesTests {
    static let original = "一年来，区科协以提升全民科学素质为主线，把科普资源下沉到镇街和学校，少年科学院在全区十六个街道和一个镇设立分院，由院士专家担任院长，基层青少年就近就能参加科普活动。"
    static let edited = original.replacingOccurrences(of: "区科协", with: "县科协").replacingOccurrences(of: "十六个街道", with: "十二个街道")
    static let unrelated = "本局围绕医疗服务能力提升，完成乡镇卫生院标准化建设，家庭医生签约服务覆盖重点人群，全年开展健康讲座和义诊活动，群众就医满意度稳步提高，医疗质量安全保持平稳。"

    func passage(_ code: String, _ text: String, paragraph: Int = 1) -> NearDuplicates.Passage {
        NearDuplicates.Passage(code: code, name: "部门\(code)", section: .performance, paragraph: paragraph, text: text)
    }

    @Test func copiedAndLightlyEditedPassagesArePaired() {
        let pairs = NearDuplicates.pairs([passage("A", Self.original), passage("B", Self.original),
                                          passage("C", Self.edited), passage("D", Self.unrelated)])
        #expect(pairs.first?.similarity == .one && pairs.first?.first.code == "A" && pairs.first?.second.code == "B")
        // The edited copy (two places changed) shares about three quarters of its five-character pieces: below the
        // default 80 %, found at 75 %; the unrelated text shares nothing.
        #expect(pairs.map { $0.first.code + $0.second.code } == ["AB"])
        #expect(!pairs.contains { $0.first.code == "D" || $0.second.code == "D" })
        let edited = NearDuplicates.pairs([passage("A", Self.original), passage("C", Self.edited)], threshold: Rational(3, 4))
        #expect(edited.map(\.similarity) == [Rational(50, 64)])
    }

    @Test func oneDepartmentShortTextAndUnrelatedTextAreNotPaired() {
        #expect(NearDuplicates.pairs([passage("A", Self.original), passage("A", Self.original, paragraph: 2)]).isEmpty)
        #expect(NearDuplicates.pairs([passage("A", "按计划完成全年工作任务。"), passage("B", "按计划完成全年工作任务。")]).isEmpty)
        #expect(NearDuplicates.pairs([passage("A", Self.original), passage("B", Self.unrelated)]).isEmpty)
    }

    @Test func theSamePassagesGiveTheSamePairs() {
        let passages = (0..<40).map { passage("P\($0)", $0 % 2 == 0 ? Self.original : Self.unrelated) }
        let pairs = NearDuplicates.pairs(passages)
        #expect(pairs == NearDuplicates.pairs(passages))
        // 20 departments share each text: 190 pairs of each.
        #expect(pairs.count == 380 && pairs.allSatisfy { $0.similarity == .one })
        // Beyond a band's limit, a text everyone kept pairs each department with one, not each with every other.
        let template = (0..<200).map { passage("T\($0)", Self.original) }
        #expect(NearDuplicates.pairs(template).count == 199)
    }

    @Test func aDepartmentsPassagesAreItsParagraphsWhereTheyStand() {
        let passages = NearDuplicates.passages(code: "A", name: "甲", overview: "概况一\n概况二",
                                               narrative: [.performance: "第一段\n\n第二段"])
        #expect(passages.map(\.place) == ["部门概况第 1 段", "部门概况第 2 段", "（一）履职效能分析第 1 段", "（一）履职效能分析第 2 段"])
        #expect(passages.map(\.subject) == ["department.overview[0]", "department.overview[1]", "narrative.performance[0]",
                                            "narrative.performance[1]"])
    }

    /// The store indexes band keys, so they must not change between runs (Swift's own hashing is seeded per process).
    @Test func bandKeysAreFixed() {
        let signature = NearDuplicates.signature(of: Self.original)
        #expect(signature.count == 64)
        #expect(NearDuplicates.bands(signature).count == 16)
        #expect(NearDuplicates.bands(signature).first == -6_076_866_839_466_265_835)
        #expect(NearDuplicates.signature(of: "按计划完成全年工作任务。").isEmpty && NearDuplicates.bands([]).isEmpty)
    }

    @Test func oneDepartmentsMatchesAreThePairsTheProvinceFindForIt() {
        let own = [passage("A", Self.original), passage("A", Self.unrelated, paragraph: 2)].map(NearDuplicates.Fingerprint.init)
        let others = [passage("B", Self.original), passage("C", Self.edited), passage("D", Self.original, paragraph: 3),
                      passage("A", Self.original, paragraph: 4)].map(NearDuplicates.Fingerprint.init)
        let matches = NearDuplicates.matches(of: own, among: others)
        #expect(matches == NearDuplicates.pairs(own + others).filter { $0.first.code == "A" })
        #expect(matches.map(\.second.code) == ["B", "D"])
    }

    @Test func sharedPassagesAreOneFindingEachNamingTheOthersOnlyForTheBureau() {
        let own = [passage("A", Self.original), passage("A", Self.unrelated, paragraph: 2)].map(NearDuplicates.Fingerprint.init)
        let others = [passage("B", Self.original), passage("D", Self.original, paragraph: 3)].map(NearDuplicates.Fingerprint.init)
        let pairs = NearDuplicates.matches(of: own, among: others)
        let bureau = NearDuplicates.findings(pairs, naming: true)
        #expect(bureau.count == 1)
        let finding = bureau[0]
        #expect(finding.code == "TEXT_NEAR_DUPLICATE" && finding.needsAction && finding.theme == .writing)
        #expect(finding.message == "（一）履职效能分析第 1 段与 2 个其他部门的文字雷同（相似度最高 100%）。")
        #expect(finding.subject == "narrative.performance[0]")
        #expect(finding.evidence.count == 3 && finding.evidence[1].hasPrefix("部门B（B）（一）履职效能分析第 1 段，相似度 100%"))
        let department = NearDuplicates.findings(pairs, naming: false, atLeast: true)
        #expect(department[0].message.contains("至少 2 个其他部门"))
        #expect(department[0].evidence.dropFirst().allSatisfy { $0.hasPrefix("另一部门") && !$0.contains("部门B") })
        #expect(NearDuplicates.findings([], naming: true).isEmpty)
    }
}
