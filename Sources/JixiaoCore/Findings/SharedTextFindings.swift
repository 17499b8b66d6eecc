extension NearDuplicates {
    /// The findings of a department's passages that other departments' texts of the year share (`pairs` as
    /// ``matches(of:among:threshold:)`` gives them, the department's own passage first): one per passage, naming the
    /// three most similar — with the other department's name when `naming` (the bureau's view), as 另一部门
    /// otherwise. `atLeast` says the count is a lower bound (the store looked at only some holders of a passage very
    /// many departments share).
    public static func findings(_ pairs: [Pair], naming: Bool, atLeast: Bool = false) -> [Finding] {
        let byPassage = Dictionary(grouping: pairs) { $0.first }
        return byPassage.keys.sorted { ($0.section.map(order) ?? -1, $0.paragraph) < ($1.section.map(order) ?? -1, $1.paragraph) }
            .map { passage in
                let shared = byPassage[passage]!.sorted { $0.similarity > $1.similarity }
                let departments = Set(shared.map(\.second.code)).count
                let highest = shared[0].similarity.percentString(places: 0)
                let others = shared.prefix(3).map { pair in
                    let who = naming ? "\(pair.second.name)（\(pair.second.code)）" : "另一部门"
                    return "\(who)\(pair.second.place)，相似度 \(pair.similarity.percentString(places: 0))：\(excerpt(pair.second.text))"
                }
                return Finding(
                    code: "TEXT_NEAR_DUPLICATE", severity: .medium, theme: .writing,
                    message: "\(passage.place)与\(atLeast ? "至少 " : " ")\(departments) 个其他部门的文字雷同（相似度最高 \(highest)）。",
                    evidence: ["本部门原文：\(excerpt(passage.text))"] + others,
                    measure: "按本部门当年的实际工作重写该段，不照搬其他部门的报告。",
                    subject: passage.subject, item: passage.place)
            }
    }

    private static func order(_ section: NarrativeSection) -> Int { NarrativeSection.allCases.firstIndex(of: section)! }

    /// The passage's first 40 characters, for evidence.
    private static func excerpt(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "……" : text
    }
}
