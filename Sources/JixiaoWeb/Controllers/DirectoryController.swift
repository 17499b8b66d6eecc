import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

/// 单位名录: the bureau's budget units with 行政区划, 归口处室 and 单位类型 — downloaded as CSV, edited in Excel and
/// uploaded back, applied whole or not at all (the same reader and transaction as `jixiao directory`). The reviewer
/// uploads; the auditor reads.
struct DirectoryController: RouteCollection {
    /// The largest list accepted (2·10⁴ units are about 2 MB).
    static let maximumSize: ByteCount = "16mb"

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.directory, use: show)
        routes.post(.directory, body: .collect(maxSize: Self.maximumSize), use: upload)
        routes.get(.directoryCSV, use: csv)
    }

    private struct Upload: Content {
        var file: File
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let user = try request.requireBureau(acting: false, for: "单位名录")
        return html(DirectoryView.render(try await Directory(database: request.db).entries(), user: user,
                                         csrf: CSRF.token(for: request)))
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        _ = try request.requireBureau(acting: false, for: "单位名录")
        return try await Download.csv(DirectoryCSV.write(try await Directory(database: request.db).entries()),
                                      filename: "单位名录.csv", on: request)
    }

    @Sendable func upload(_ request: Request) async throws -> Response {
        let user = try request.requireBureau(acting: true, for: "单位名录")
        try CSRF.verify(request)
        let directory = Directory(database: request.db)
        let upload = try request.content.decode(Upload.self)
        let name = upload.file.filename
        func page(message: String?, problems: [String] = [], status: HTTPResponseStatus = .ok) async throws -> Response {
            html(DirectoryView.render(try await directory.entries(), user: user, csrf: CSRF.token(for: request),
                                      message: message, problems: problems), status: status)
        }
        let entries: [DirectoryCSV.Entry]
        do {
            entries = try DirectoryCSV.read(Data(upload.file.data.readableBytesView), file: name)
        } catch let error as InputError {
            return try await page(message: "“\(name)”有 \(error.issues.count) 处问题，未导入任何单位：",
                                  problems: error.chineseLines, status: .unprocessableEntity)
        }
        let outcome = try await directory.apply(entries, actor: user.auditActor)
        return try await page(message: "单位名录已导入：更新 \(outcome.updated) 个单位，新增 \(outcome.added) 个。")
    }
}
