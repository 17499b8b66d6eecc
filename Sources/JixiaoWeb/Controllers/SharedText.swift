import JixiaoCore
import JixiaoStore
import Vapor

extension Request {
    /// 文字雷同 as findings of one department-year: its passages that other departments' texts of the year share,
    /// found by the stored fingerprints, worked out once per generation of the province's text. The bureau's people see
    /// the other departments named; a department's own people do not.
    func sharedTextFindings(of year: DepartmentYear, for user: CurrentUser) async throws -> [Finding] {
        let (pairs, atLeast) = try await PassageFingerprints(database: db)
            .sharedKept(code: year.department.code, year: year.year, threshold: year.checks.nearDuplicateSimilarity)
        return NearDuplicates.findings(pairs, naming: !user.role.isDepartmental, atLeast: atLeast)
    }
}
