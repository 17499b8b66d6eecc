import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

/// 文字雷同: passages of a year's written reports that two departments share (shingled MinHash over every
/// department's 部门概况 and report sections). The bureau sees every pair with both departments; a department sees
/// the pairs that involve its own text, the other department not named.
struct SimilarTextController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.similarText, use: show)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard let (organisation, held, year) = try await request.departmentsScope(user) else {
            return html(SimilarTextView.render(nil, user: user, csrf: CSRF.token(for: request)))
        }
        let passages = try await PassageFingerprints(database: request.readDB).all(year: year)
        let threshold = TemplateCatalog.builtIn.checks.nearDuplicateSimilarity
        var pairs = NearDuplicates.pairs(passages, threshold: threshold)
        if let organisation {
            pairs = pairs.filter { $0.first.code == organisation || $0.second.code == organisation }
        }
        let model = SimilarTextModel(year: year, years: held, own: organisation, pairs: pairs, threshold: threshold,
                                     departments: Set(passages.map(\.passage.code)).count, passages: passages.count)
        return html(SimilarTextView.render(model, user: user, csrf: CSRF.token(for: request)))
    }
}

/// What the 文字雷同 page shows.
struct SimilarTextModel {
    let year: Int
    let years: [Int]
    /// The department whose pairs these are, for a department's own people; nil for the bureau.
    let own: String?
    let pairs: [NearDuplicates.Pair]
    /// The least similarity listed (the bureau's setting).
    let threshold: Rational
    let departments: Int
    let passages: Int
}
