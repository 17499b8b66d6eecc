import JixiaoStore

/// 基本情况: the overview, the key tasks (one a line, as the work plan numbers them) and the overall goal, at the
/// year's version.
struct BasicsModel {
    let code: String
    let name: String
    let year: Int
    let version: Int
    let overview: String
    /// The key tasks one a line, numbered by position (工作计划 refers to them by number).
    let tasks: String
    let goal: String
    let mayChange: Bool

    init(code: String, name: String, year: Int, version: Int, basics: YearRepository.Basics, mayChange: Bool) {
        self.code = code
        self.name = name
        self.year = year
        self.version = version
        overview = basics.overview
        tasks = basics.tasks.joined(separator: "\n")
        goal = basics.goal
        self.mayChange = mayChange
    }
}
