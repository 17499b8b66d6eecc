import Foundation
import JixiaoIO

extension Fixtures {
    /// The seed bundle with its three 项目支出 lines as projects and the funding sources of
    /// `Tests/Fixtures/seed-projects.json` merged in: the department with its projects.
    public static func seedWithProjects() throws -> JSONValue {
        let overlay = try JSONParser.parse(try Data(contentsOf: fixture("seed-projects.json")))
        var bundle = try JSONParser.parse(try Data(contentsOf: seed))
        if case .array(let lines)? = bundle["budget"]?["lines"], case .object(let sources)? = overlay["sources"] {
            let sourced = lines.map { line in
                line["code"]?.string.flatMap { code in sources.first { $0.key == code }?.value }
                    .map { line.setting("source", to: $0) } ?? line
            }
            bundle = bundle.setting("budget", to: .object(["lines": .array(sourced)]))
        }
        return bundle.setting("projects", to: overlay["projects"] ?? .array([]))
    }
}
