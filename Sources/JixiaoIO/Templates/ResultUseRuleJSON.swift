import Foundation
import JixiaoCore

/// The bureau's 评价结果应用 rule as JSON — how it is stored and exchanged:
/// `{ "grades": { "优": { "action": "priority" }, "中": { "action": "cut", "share": "0.1" }, … },
///    "late": "0.1", "missing": "0.2" }`, shares between 0 and 1.
public enum ResultUseRuleJSON {
    public static func encode(_ rule: ResultUseRule) -> JSONValue {
        .object([
            "grades": .object(rule.grades.sorted { $0.key < $1.key }.map { grade, entry in
                var members: [JSONValue.Member] = [.init("action", .string(entry.action.rawValue))]
                if entry.action == .cut { members.append(.init("share", .string(entry.share.description))) }
                return JSONValue.Member(grade, .object(members))
            }),
            "late": .string(rule.lateCut.description),
            "missing": .string(rule.missingCut.description),
        ])
    }

    /// Reads a rule; fails naming every fault with its JSON path (`grades.中.share`).
    public static func decode(_ value: JSONValue, file: String) throws -> ResultUseRule {
        let log = IssueLog()
        let root = JSONNode(value: value, path: "", log: log)
        func share(_ node: JSONNode) -> Rational? {
            guard let value = node.decimal(.share) else { return nil }
            guard value <= .one else {
                node.fail("is more than 1 (a share of the budget: 0.1 is 10 %)", "大于 1（压减比例，0.1 即 10%）")
                return nil
            }
            return value
        }
        var grades: [String: ResultUseRule.GradeRule] = [:]
        if root.object(allowing: ["grades", "late", "missing"]) {
            if case .object(let members)? = root["grades"].value {
                for member in members { grades[member.key] = gradeRule(root["grades"][member.key], share: share) }
            } else {
                root["grades"].reject("an object", "对象")
            }
        }
        let late = share(root["late"])
        let missing = share(root["missing"])
        guard log.issues.isEmpty, let late, let missing else { throw InputError(file: file, issues: log.issues) }
        return ResultUseRule(grades: grades, lateCut: late, missingCut: missing)
    }

    /// One grade's rule: an action, and the share a cut takes (a share on any other action is an error).
    private static func gradeRule(_ node: JSONNode, share: (JSONNode) -> Rational?) -> ResultUseRule.GradeRule? {
        guard node.object(allowing: ["action", "share"]),
              let action = node["action"].choice(ResultUseRule.Action.self) else { return nil }
        guard action == .cut else {
            if node["share"].isPresent { node["share"].fail("applies only to action \"cut\"", "只适用于压减（cut）") }
            return ResultUseRule.GradeRule(action)
        }
        return share(node["share"]).map { ResultUseRule.GradeRule(.cut, share: $0) }
    }
}
