import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

/// `GET|POST /import`: a bundle or workbook uploaded into the store, all or nothing; an upload of a year already
/// stored first shows what replacing it would change, and replaces it only when confirmed (`POST /import/confirm`).
struct ImportController: RouteCollection {
    /// The largest upload accepted (a year of 10⁵ payments as a bundle is about 15 MB).
    static let maximumSize: ByteCount = "64mb"

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.importData, use: form)
        routes.post(.importData, body: .collect(maxSize: Self.maximumSize), use: upload)
        routes.post(.importConfirm, use: confirm)
    }

    private struct Upload: Content {
        var file: File
        var replace: String?
        /// For payment exports: the stored year they belong to, as `CODE/YEAR`.
        var year: String?
    }

    @Sendable func form(_ request: Request) async throws -> Response {
        let user = try mayImport(request)
        return html(ImportView.render(user: user, csrf: CSRF.token(for: request), years: try await years(for: user, request),
                                      problems: [], message: nil))
    }

    /// The stored years the user may add payments to, as `CODE/YEAR` and a label.
    private func years(for user: CurrentUser, _ request: Request) async throws -> [(String, String)] {
        try await YearRepository(database: request.db).listed(organisation: user.ownOrganisation)
            .filter { user.mayChange(organisation: $0.code) }
            .map { ("\($0.code)/\($0.year)", "\($0.name) \($0.year) 年") }
    }

    @Sendable func upload(_ request: Request) async throws -> Response {
        let user = try mayImport(request)
        try CSRF.verify(request)
        let upload = try request.content.decode(Upload.self)
        let name = upload.file.filename
        let data = Data(upload.file.data.readableBytesView)
        let years = try await years(for: user, request)
        func refuse(_ message: String, _ problems: [String] = [], status: HTTPResponseStatus = .unprocessableEntity)
            -> Response {
            html(ImportView.render(user: user, csrf: CSRF.token(for: request), years: years, problems: problems,
                                   message: message), status: status)
        }
        if name.lowercased().hasSuffix(".csv") {
            return try await payments(upload, data: data, user: user, request: request, refuse: refuse)
        }
        let year: DepartmentYear
        var evidence: [BundleArchive.File]?
        let lowered = name.lowercased()
        do {
            if lowered.hasSuffix(".zip") {
                (year, evidence) = try BundleArchive.read(data, file: name)
                try EvidenceRepository.verify(evidence ?? [], source: name)
            } else {
                year = lowered.hasSuffix(".xlsx") ? try WorkbookImport().decode(data, file: name)
                    : try BundleReader().decode(data, file: name)
            }
        } catch let error as InputError {
            return refuse("“\(name)”有 \(error.issues.count) 处问题，未导入任何数据：",
                          error.chineseLines)
        }
        guard user.mayChange(organisation: year.department.code) else {
            return refuse("文件中的部门（\(year.department.code) \(year.department.name)）不是您所在的部门，不能导入。",
                          status: .forbidden)
        }
        let repository = YearRepository(database: request.db)
        if let stored = try await repository.load(code: year.department.code, year: year.year) {
            var changes = YearDiff.changes(from: stored, to: year)
            if let evidence { changes.append(.init(part: "佐证材料", text: "替换为压缩包中的 \(evidence.count) 份文件")) }
            guard !changes.isEmpty else {
                return html(ImportView.render(user: user, csrf: CSRF.token(for: request), years: years, problems: [],
                                              message: "“\(name)”与库中 \(year.department.name) \(year.year) 年的数据相同，无需导入。"))
            }
            let token = try await PendingImports(database: request.db).keep(
                year, archive: evidence == nil ? nil : data, file: name, username: user.username)
            return html(ImportPreviewView.render(year: year, file: name, changes: changes, token: token, user: user,
                                                 csrf: CSRF.token(for: request)))
        }
        do {
            try await repository.store(year, replacing: false, evidence: evidence, actor: user.auditActor)
        } catch let error as InputError {
            return refuse("“\(name)”有 \(error.issues.count) 处问题，未导入任何数据：",
                          error.chineseLines)
        }
        return request.redirect(to: SiteURL.year(code: year.department.code, year: year.year).path)
    }

    /// Replaces the stored year with the upload the person saw the changes of; an expired or unknown upload is
    /// asked for again.
    @Sendable func confirm(_ request: Request) async throws -> Response {
        let user = try mayImport(request)
        try CSRF.verify(request)
        guard let token = try? request.content.get(UUID.self, at: "token"),
              let upload = try await PendingImports(database: request.db).take(token, username: user.username) else {
            return html(ImportView.render(user: user, csrf: CSRF.token(for: request), years: try await years(for: user, request),
                                          problems: [], message: "这次上传已过期或已处理，请重新上传文件。"),
                        status: .gone)
        }
        let year = upload.year
        guard user.mayChange(organisation: year.department.code) else { throw Abort(.forbidden) }
        try await YearRepository(database: request.db).store(year, replacing: true, evidence: upload.evidence,
                                                             actor: user.auditActor)
        return request.redirect(to: SiteURL.year(code: year.department.code, year: year.year).path)
    }

    /// A payment export for a stored year: every row checked, added only when all are right.
    private func payments(_ upload: Upload, data: Data, user: CurrentUser, request: Request,
                          refuse: (String, [String], HTTPResponseStatus) -> Response) async throws -> Response {
        guard let target = upload.year, let slash = target.lastIndex(of: "/"),
              let year = Int(target[target.index(after: slash)...]) else {
            return refuse("导入支付明细（CSV）时请选择所属的部门年度。", [], .unprocessableEntity)
        }
        let code = String(target[..<slash])
        guard user.mayChange(organisation: code) else { return refuse("不能向其他部门导入支付。", [], .forbidden) }
        let repository = YearRepository(database: request.db)
        guard let fiscal = try await repository.fiscalYear(code: code, year: year) else {
            return refuse("库中没有 \(code) \(year) 年的数据。", [], .unprocessableEntity)
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("upload-\(UUID().uuidString).csv")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let summary = try await PaymentImport(database: request.db).importCSV(
            file, into: fiscal, replacing: upload.replace == "1", subject: target, actor: user.auditActor)
        guard summary.issueCount == 0 else {
            let more = summary.issueCount > summary.issues.count ? ["……另有 \(summary.issueCount - summary.issues.count) 处问题未列出"] : []
            return refuse("“\(upload.file.filename)”有 \(summary.issueCount) 处问题，未导入任何支付：",
                          summary.issues.map(\.chineseLine) + more,
                          .unprocessableEntity)
        }
        return request.redirect(to: SiteURL.payments(code: code, year: year).path + "?saved=1")
    }

    /// Importing changes data: departmental roles, for their own department (checked per file).
    private func mayImport(_ request: Request) throws -> CurrentUser {
        let user = try request.requireUser()
        guard user.role.isDepartmental else {
            throw Abort(.forbidden, reason: "您的角色不能导入数据。")
        }
        return user
    }
}
