import Foundation
import JixiaoIO
import JixiaoStore
import JixiaoReport
import Vapor

/// Documents as downloads: the report and the monitoring table in any of the renderers' formats.
enum Download {
    static let docx = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.wordprocessingml.document")
    static let zip = HTTPMediaType(type: "application", subType: "zip")
    static let xlsx = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    /// The document in `format` (html, md, docx, xlsx, pdf), named `name.format`; 404 for any other format, 503
    /// when the PDF cannot be made.
    static func document(_ build: () -> ReportDocument, format: String, name: String,
                         on request: Request) async throws -> Response {
        let body: Data
        let type: HTTPMediaType
        switch format {
        case "html": (body, type) = (Data(HTMLRenderer.render(build()).utf8), .html)
        case "md": (body, type) = (Data(MarkdownRenderer.render(build()).utf8), .plainText)
        case "docx": (body, type) = (try DocxRenderer.render(build()), docx)
        case "xlsx": (body, type) = (try XlsxRenderer.render(build()), xlsx)
        case "pdf":
            let document = build()
            do {
                body = try await request.application.threadPool.runIfActive { try OfficialPDF().render(document) }
            } catch let error as LibreOfficeConverter.ConversionError {
                throw Abort(.serviceUnavailable, reason: "暂时无法生成 PDF：\(error)")
            }
            type = .pdf
        default: throw Abort(.notFound)
        }
        return try await response(body, type: type, filename: "\(name).\(format)", inline: format == "html", on: request)
    }

    /// CSV text as a UTF-8 file to save, audited as an export.
    static func csv(_ text: String, filename: String, on request: Request) async throws -> Response {
        try await response(Data(text.utf8), type: csvType, filename: filename, inline: false, on: request)
    }

    /// `text/csv; charset=utf-8`.
    static let csvType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])

    /// A file response, audited as an export: shown in the browser when `inline` (under the documents' content
    /// security policy: no script, no form), else saved under `filename`.
    static func response(_ body: Data, type: HTTPMediaType, filename: String, inline: Bool,
                         on request: Request) async throws -> Response {
        try await AuditLog.append(on: request.db, actor: request.auditActor, action: "export",
                                  subject: request.url.path, after: filename)
        return file(body, type: type, filename: filename, inline: inline)
    }

    /// The media type of an evidence file.
    static func mediaType(_ kind: EvidenceKind) -> HTTPMediaType {
        let parts = kind.mediaType.split(separator: "/").map(String.init)
        return HTTPMediaType(type: parts[0], subType: parts[1])
    }

    /// A file response, not audited (the public portal's published files).
    static func file(_ body: Data, type: HTTPMediaType, filename: String, inline: Bool) -> Response {
        let response = Response(status: .ok, body: .init(data: body))
        response.headers.contentType = type
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "download"
        response.headers.replaceOrAdd(name: .contentDisposition,
                                      value: "\(inline ? "inline" : "attachment"); filename*=UTF-8''\(encoded)")
        return response
    }
}
