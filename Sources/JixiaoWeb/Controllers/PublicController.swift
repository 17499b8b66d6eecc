import Foundation
import JixiaoStore
import Vapor

/// 公开: the published self-evaluations, without signing in — the list (search by name), each version's page and its
/// files exactly as published (public records: downloads here are not audited). Only published versions exist
/// here: anything else answers 404.
struct PublicController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.publicIndex, use: index)
        routes.get(.publicVersion(code: .parameter, year: .parameter, version: .parameter), use: version)
        routes.get(.publicFile(code: .parameter, year: .parameter, version: .parameter, file: .parameter), use: file)
    }

    @Sendable func index(_ request: Request) async throws -> Response {
        let search = try? request.query.get(String.self, at: "q")
        let year = try? request.query.get(Int.self, at: "year")
        let entries = try await Publications(database: request.db).list(search: search, year: year)
        return html(PublicView.index(entries, search: search ?? ""))
    }

    @Sendable func version(_ request: Request) async throws -> Response {
        let (entry, documents) = try await published(request)
        return html(PublicView.version(entry, hasPDF: documents.pdf != nil))
    }

    @Sendable func file(_ request: Request) async throws -> Response {
        let (entry, documents) = try await published(request)
        let name = "\(entry.name)\(entry.year)年绩效自评报告（第\(entry.version)版）"
        switch request.parameters.get("file") ?? "" {
        case "report.html":
            return Download.file(Data(documents.html.utf8), type: .html, filename: "\(name).html", inline: true)
        case "report.docx":
            return Download.file(documents.docx, type: Download.docx, filename: "\(name).docx", inline: false)
        case "report.xlsx":
            return Download.file(documents.xlsx, type: Download.xlsx, filename: "\(name).xlsx", inline: false)
        case "report.pdf":
            guard let pdf = documents.pdf else { throw Abort(.notFound, reason: "这一版没有 PDF 文件。") }
            return Download.file(pdf, type: .pdf, filename: "\(name).pdf", inline: false)
        case "score.csv":
            return Download.file(Data(documents.scoreCSV.utf8),
                                 type: Download.csvType,
                                 filename: "\(entry.name)\(entry.year)年绩效自评表（第\(entry.version)版）.csv",
                                 inline: false)
        default: throw Abort(.notFound)
        }
    }

    /// The published version the path names (`v2`), or 404.
    private func published(_ request: Request) async throws -> (Publications.Entry, Publications.Documents) {
        guard let code = request.parameters.get("code"), let year = request.parameters.get("year", as: Int.self),
              let text = request.parameters.get("version"), text.hasPrefix("v"), let version = Int(text.dropFirst()),
              let found = try await Publications(database: request.db).find(code: code, year: year, version: version)
        else { throw Abort(.notFound, reason: "没有这一公开版本。") }
        return found
    }
}
