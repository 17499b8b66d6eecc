import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

/// `GET|POST /import`: a bundle or workbook uploaded into the store, all or nothing; replacing a stored year needs
/// the box ticked.
struct ImportController: RouteCollection {
    /// The largest upload accepted (a year of 10⁵ payments as a bundle is about 15 MB).
    static let maximumSize: ByteCount = "64mb"

    func boot(routes: any RoutesBuilder) throws {
        routes.get("import", use: form)
        routes.on(.POST, "import", body: .collect(maxSize: Self.maximumSize), use: upload)
    }

    private struct Upload: Content {
        var file: File
        var replace: String?
    }

    @Sendable func form(_ request: Request) async throws -> Response {
        let user = try mayImport(request)
        return html(ImportView.render(user: user, csrf: CSRF.token(for: request), problems: [], message: nil))
    }

    @Sendable func upload(_ request: Request) async throws -> Response {
        let user = try mayImport(request)
        try CSRF.verify(request)
        let upload = try request.content.decode(Upload.self)
        let name = upload.file.filename
        let data = Data(upload.file.data.readableBytesView)
        func refuse(_ message: String, _ problems: [String] = [], status: HTTPResponseStatus = .unprocessableEntity)
            -> Response {
            html(ImportView.render(user: user, csrf: CSRF.token(for: request), problems: problems, message: message),
                 status: status)
        }
        let year: DepartmentYear
        do {
            year = name.lowercased().hasSuffix(".xlsx")
                ? try WorkbookImport().decode(data, file: name)
                : try BundleReader().decode(data, file: name)
        } catch let error as InputError {
            return refuse("“\(name)”有 \(error.issues.count) 处问题，未导入任何数据：",
                          error.issues.map { $0.path.isEmpty ? $0.chinese : "\($0.path)：\($0.chinese)" })
        }
        guard user.mayChange(organisation: year.department.code) else {
            return refuse("文件中的部门（\(year.department.code) \(year.department.name)）不是您所在的部门，不能导入。",
                          status: .forbidden)
        }
        do {
            try await YearRepository(database: request.db).store(year, replacing: upload.replace == "1",
                                                                 actor: user.username)
        } catch is YearRepository.YearExists {
            return refuse("\(year.department.name) \(year.year) 年已有数据。如确认用本文件覆盖，请勾选“覆盖”后重新上传。",
                          status: .conflict)
        }
        return request.redirect(to: SiteURL.year(code: year.department.code, year: year.year).path)
    }

    /// Importing changes data: departmental roles (for their own department, checked per file) and administrators.
    private func mayImport(_ request: Request) throws -> CurrentUser {
        let user = try request.requireUser()
        guard user.role.isDepartmental || user.role == .admin else {
            throw Abort(.forbidden, reason: "您的角色不能导入数据。")
        }
        return user
    }
}
