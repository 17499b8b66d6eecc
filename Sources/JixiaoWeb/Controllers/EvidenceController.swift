import Foundation
import JixiaoCore
import JixiaoIO
import JixiaoStore
import Vapor

/// An uploaded file accepted as evidence: at most 10 MB, its kind read from its content, its name made safe.
enum EvidenceUpload {
    /// The safe name and the kind of an upload; 413 past the size cap, 415 when the content is none of the accepted
    /// kinds. `what` names the file in the messages (佐证材料, 复核材料).
    static func check(name: String, data: Data, what: String) throws -> (name: String, kind: EvidenceKind) {
        guard data.count <= EvidenceKind.maximumBytes else {
            throw Abort(.payloadTooLarge, reason: "\(what)不能超过 10 MB。")
        }
        guard let kind = EvidenceKind.detect(data) else {
            throw Abort(.unsupportedMediaType, reason: "\(what)须为 PDF、PNG、JPEG、Word（.docx）或 Excel（.xlsx）文件。")
        }
        return (kind.safeName(name), kind)
    }
}

/// 佐证材料 on a page (`/years/{code}/{year}/evidence`): every file by the record it backs, an upload form and a
/// remove button for the department's people, downloads (always as attachments) for everyone who may see the year.
struct EvidenceController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.evidence(code: .parameter, year: .parameter), use: show)
        routes.post(.evidence(code: .parameter, year: .parameter),
                    body: .collect(maxSize: ByteCount(value: EvidenceKind.maximumBytes + 64 * 1024)), use: upload)
        routes.get(.evidenceFile(code: .parameter, year: .parameter, id: .parameter), use: download)
        routes.post(.evidenceDelete(code: .parameter, year: .parameter, id: .parameter), use: remove)
    }

    struct UploadForm: Content {
        var subject: String?
        var file: File?
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: false)
        return try await page(context, request: request)
    }

    @Sendable func upload(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        try CSRF.verify(request)
        let form = try request.content.decode(UploadForm.self)
        let year = try await request.visibleYear().1
        guard let subject = form.subject.flatMap({ EvidenceSubject.find($0, in: year) }) else {
            return try await page(context, request: request, problems: ["请选择这份材料所佐证的指标、活动、采购或任务。"],
                                  status: .unprocessableEntity)
        }
        guard let upload = form.file, upload.data.readableBytes > 0 else {
            return try await page(context, request: request, problems: ["请选择要上传的文件。"], status: .unprocessableEntity)
        }
        let data = Data(buffer: upload.data)
        let (name, kind) = try EvidenceUpload.check(name: upload.filename, data: data, what: "佐证材料")
        do {
            try await EvidenceRepository(database: request.db).add(
                .init(name: name, type: kind.mediaType, data: data), to: subject, organisation: context.organisation,
                fiscal: context.fiscal, actor: context.user.auditActor)
        } catch let refusal as EvidenceRepository.Refusal {
            return try await page(context, request: request, problems: [refusal.message], status: .conflict)
        }
        return try await page(context, request: request, message: "已上传“\(name)”，佐证“\(subject.label)”。")
    }

    @Sendable func download(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: false)
        guard let id = request.parameters.get("id", as: UUID.self),
              let (entry, data) = try await EvidenceRepository(database: request.db).file(
                id, organisationID: context.organisation.id, year: context.fiscal.year) else {
            throw Abort(.notFound, reason: "没有这份佐证材料。")
        }
        let kind = EvidenceKind.allCases.first { $0.mediaType == entry.type }
        return try await Download.response(data, type: kind.map(Download.mediaType) ?? .binary, filename: entry.name,
                                           inline: false, on: request)
    }

    @Sendable func remove(_ request: Request) async throws -> Response {
        let context = try await YearContext.resolve(request, change: true)
        try CSRF.verify(request)
        try await Self.removeFile(request, context: context)
        return request.redirect(to: SiteURL.evidence(code: context.organisation.code, year: context.fiscal.year).path)
    }

    /// Removes the file named by the route's `id` (audited); 404 when the year has no such file.
    static func removeFile(_ request: Request, context: YearContext) async throws {
        guard let id = request.parameters.get("id", as: UUID.self) else { throw Abort(.notFound) }
        do {
            try await EvidenceRepository(database: request.db).remove(
                id, organisation: context.organisation, fiscal: context.fiscal, actor: context.user.auditActor)
        } catch let refusal as EvidenceRepository.Refusal {
            throw Abort(.notFound, reason: refusal.message)
        }
    }

    private func page(_ context: YearContext, request: Request, message: String? = nil, problems: [String] = [],
                      status: HTTPResponseStatus = .ok) async throws -> Response {
        let year = try await request.visibleYear().1
        let entries = try await EvidenceRepository(database: request.db)
            .entries(organisationID: context.organisation.id, year: year.year)
        return html(EvidenceView.render(EvidenceModel(year, entries: entries, mayChange: context.mayChange),
                                        message: message, problems: problems, user: context.user,
                                        csrf: CSRF.token(for: request)), status: status)
    }
}
