import JixiaoStore

/// The department-years a person may open.
struct HomeModel {
    struct Entry {
        let code: String
        let name: String
        let year: Int
    }

    let entries: [Entry]

    static func load(for user: CurrentUser, repository: YearRepository) async throws -> HomeModel {
        let entries = try await repository.allYears()
            .filter { user.maySee(organisation: $0.0.code) }
            .map { Entry(code: $0.0.code, name: $0.0.name, year: $0.1.year) }
        return HomeModel(entries: entries)
    }
}
