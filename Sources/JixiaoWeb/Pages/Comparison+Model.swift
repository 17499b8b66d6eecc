import JixiaoCore
import JixiaoStore

/// 部门比较: the departments of a year filtered (grade, self-evaluation state, name or code) and ranked by what the
/// reviewer chose, with the distribution of grades over all of them.
struct ComparisonModel {
    /// What the rows can be ranked by.
    enum Ranking: String, CaseIterable {
        case total, rate, findings, unsupported, code

        var chinese: String {
            switch self {
            case .total: "自评得分"
            case .rate: "执行率"
            case .findings: "问题数"
            case .unsupported: "无记录支撑分"
            case .code: "部门编码"
            }
        }
    }

    /// The filters and ranking asked for.
    struct Query {
        var region: String?
        var group: String?
        var category: String?
        var grade: String?
        var state: ReviewState?
        var search: String?
        var ranking: Ranking = .total
        var ascending = false
    }

    struct Row {
        let row: DepartmentComparison.Row
        /// The self-evaluation round's state.
        let state: ReviewState
        let review: String
    }

    let year: Int
    let years: [Int]
    let query: Query
    /// The rows the filters keep, ranked.
    let rows: [Row]
    /// How many departments the year holds before filtering.
    let total: Int
    /// The 行政区划, 归口处室 and 单位类型 the year's departments carry, each list sorted, for the filters.
    let regions: [String]
    let groups: [String]
    let categories: [String]
    /// Each grade of the year's template names with how many departments (all of them, unfiltered) got it.
    let grades: [(grade: String, count: Int)]
    /// Bands of self-score points (≥ 95, 90–95, …, < 60) with how many departments (unfiltered) fall in each.
    let scoreBands: [(band: String, count: Int)]

    init(year: Int, years: [Int], query: Query, rows: [DepartmentComparison.Row], rounds: [ReviewCampaigns.Entry]) {
        self.year = year
        self.years = years
        self.query = query
        var states: [String: [ReviewRound: ReviewState]] = [:]
        for entry in rounds where entry.year == year { states[entry.code, default: [:]][entry.round] = entry.status.state }
        let all = rows.map { row in
            Row(row: row, state: states[row.code]?[.selfEvaluation] ?? .drafting,
                review: MonitoringOverviewModel.reviewText(states[row.code] ?? [:]))
        }
        total = all.count
        var seen: [String] = []
        for row in rows where !seen.contains(row.grade) { seen.append(row.grade) }
        grades = seen.sorted { a, b in (Self.gradeOrder[a] ?? 9, a) < (Self.gradeOrder[b] ?? 9, b) }
            .map { grade in (grade, rows.filter { $0.grade == grade }.count) }
        scoreBands = Self.bands.map { band in
            (band.label, rows.filter { row in row.total.map { band.range.contains($0) } ?? false }.count)
        }
        func values(_ key: KeyPath<OrganisationAttributes, String>) -> [String] {
            Array(Set(rows.map { $0.attributes[keyPath: key] }).subtracting([""])).sorted()
        }
        (regions, groups, categories) = (values(\.region), values(\.group), values(\.category))
        let needle = query.search?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        self.rows = all.filter { entry in
            (query.region.map { entry.row.attributes.region == $0 } ?? true)
                && (query.group.map { entry.row.attributes.group == $0 } ?? true)
                && (query.category.map { entry.row.attributes.category == $0 } ?? true)
                && (query.grade.map { entry.row.grade == $0 } ?? true)
                && (query.state.map { entry.state == $0 } ?? true)
                && (needle.isEmpty || entry.row.name.lowercased().contains(needle) || entry.row.code.lowercased().contains(needle))
        }.sorted { a, b in
            let (x, y) = (Self.key(a.row, query.ranking), Self.key(b.row, query.ranking))
            guard x != y else { return a.row.code < b.row.code }
            return query.ascending ? x < y : x > y
        }
    }

    /// The figure a row is ranked by (the code ranks by itself: every key equal).
    private static func key(_ row: DepartmentComparison.Row, _ ranking: Ranking) -> Rational {
        switch ranking {
        case .total: row.total ?? .zero
        case .rate: row.rate ?? .zero
        case .findings: Rational(Int128(row.findings))
        case .unsupported: row.unsupported
        case .code: .zero
        }
    }

    /// The score histogram's bands, highest first: the grade lines of the usual templates (90, 80, 60) split finer
    /// where self-scores crowd.
    static let bands: [(label: String, range: Range<Rational>)] = {
        let edges = [100, 95, 90, 85, 80, 70, 60, 0].map { Rational($0) }
        var bands = [(label: "满分 100", range: Rational(100)..<Rational(10_000))]
        for (upper, lower) in zip(edges, edges.dropFirst()) {
            bands.append((lower == .zero ? "60 分以下" : "\(lower)–\(upper) 分", lower..<upper))
        }
        return bands
    }()

    /// The usual grades in their order; others follow by name.
    static let gradeOrder = ["优": 0, "良": 1, "中": 2, "差": 3]
}
