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

    static func load(for user: CurrentUser, repository: YearRepository) async throws -> HomeModel {
        let snapshots = try await EvaluationSnapshots.all(on: repository.database)
        let entries = try await repository.allYears()
            .filter { user.maySee(organisation: $0.0.code) }
            .map { organisation, fiscal in
                let snapshot = fiscal.id.flatMap { snapshots[$0] }
                return Entry(code: organisation.code, name: organisation.name, year: fiscal.year,
                             total: snapshot?.total ?? "—", grade: snapshot?.grade ?? "",
                             rate: snapshot?.rate.flatMap { Rational(decimal: $0)?.percentString(places: 2) } ?? "—",
                             findings: snapshot?.findings ?? 0)
            }
        return HomeModel(entries: entries)
    }
}

import JixiaoCore
