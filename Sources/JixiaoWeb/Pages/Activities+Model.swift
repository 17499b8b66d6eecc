import JixiaoCore

/// 活动记录: the year's activities as rows, how many fall in the year and their audience, and the digest of the list
/// a change must carry.
struct ActivitiesModel {
    struct Row {
        /// Position in the list as read: what a removal names.
        let position: Int
        let date: String
        let title: String
        let kind: String
        let audience: String
    }

    let code: String
    let name: String
    let year: Int
    let rows: [Row]
    /// Activities dated in the year, and their audience (人次).
    let count: Int
    let audience: String
    let digest: String
    let mayChange: Bool

    init(_ year: DepartmentYear, digest: String, mayChange: Bool) {
        code = year.department.code
        name = year.department.name
        self.year = year.year
        rows = year.activities.enumerated().map { position, activity in
            Row(position: position, date: activity.date.description, title: activity.title, kind: activity.kind,
                audience: activity.audience?.description ?? "")
        }
        let inYear = year.activities.filter { $0.date.year == year.year }
        count = inYear.count
        audience = inYear.compactMap(\.audience).sum().description
        self.digest = digest
        self.mayChange = mayChange
    }

    var summary: String { "本年度活动 \(count) 场，受众合计 \(audience) 人次。" }
}
