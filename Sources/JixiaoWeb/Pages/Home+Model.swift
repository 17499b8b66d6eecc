import JixiaoCore
import JixiaoStore

/// The department-years a person may open, each with its evaluation as of its last change.
struct HomeModel {
    struct Entry {
        let code: String
        let name: String
        let year: Int
        let total: String
        let grade: String
        let rate: String
        let findings: Int
    }

    let entries: [Entry]
    /// 待办 in the review rounds.
    let todo: TodoModel

    /// The years `user` may open and their to-do on `today`, the reviewer's queue filtered by round, state, grade
    /// and overdue.
    static func load(for user: CurrentUser, repository: YearRepository, today: CivilDate, round: ReviewRound?,
                     state: ReviewState?, grade: String?, overdueOnly: Bool) async throws -> HomeModel {
        let entries = try await (user.role.isAdministrator ? [] : repository.listed(organisation: user.ownOrganisation))
            .map { listed in
                Entry(code: listed.code, name: listed.name, year: listed.year, total: listed.total ?? "—",
                      grade: listed.grade ?? "",
                      rate: listed.rate.flatMap { Rational(decimal: $0)?.percentString(places: 2) } ?? "—",
                      findings: listed.findings ?? 0)
            }
        let campaigns = ReviewCampaigns(database: repository.database)
        var todo = TodoModel.make(
            party: user.role.reviewParty, years: entries.map { ($0.code, $0.name, $0.year, $0.grade) },
            rounds: try await campaigns.rounds(organisationCode: user.ownOrganisation),
            campaigns: try await campaigns.all(), today: today, round: round, state: state, grade: grade,
            overdueOnly: overdueOnly)
        if let party = user.role.reviewParty {
            let waiting = TodoModel.waiting(party)
            todo.adjustments = try await TargetAdjustments(database: repository.database)
                .open(organisationCode: user.ownOrganisation)
                .filter { waiting.contains($0.request.state) }
                .sorted { ($0.code, $0.year, $0.request.number) < ($1.code, $1.year, $1.request.number) }
        }
        return HomeModel(entries: entries, todo: todo)
    }
}

import JixiaoCore
