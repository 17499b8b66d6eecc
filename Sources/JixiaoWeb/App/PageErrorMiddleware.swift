import Vapor

/// Errors on the pages answer a page in the site's layout — what happened in words a clerk can act on, and the way
/// back — instead of raw JSON; the JSON API (`/api/…`) keeps its JSON errors. Internal error text never reaches the
/// page: anything that is not a deliberate refusal is logged and shown as a server fault.
struct PageErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            guard !request.url.path.hasPrefix("/api/") else { throw error }
            let abort = error as? any AbortError
            let status = abort?.status ?? .internalServerError
            if (300..<400).contains(status.code) { throw error }
            if abort == nil { request.logger.error("request \(request.id) failed: \(String(reflecting: error))") }
            let response = Response(status: status, body: .init(string: ErrorPage.render(
                status: status, reason: abort.map(\.reason), requestID: request.id, user: request.currentUser)))
            response.headers.contentType = .html
            return response
        }
    }
}

/// The error page.
enum ErrorPage {
    static func render(status: HTTPResponseStatus, reason: String?, requestID: String, user: CurrentUser?) -> String {
        Layout.page(title: title(status), user: user, csrf: nil) {
            HTML.element("h1") { title(status) }
            HTML.element("p", [("class", "notice"), ("role", "alert")]) { explanation(status, reason: reason) }
            if status.code >= 500 { HTML.element("p", [("id", "request-id")]) { "请求编号：\(requestID)" } }
            HTML.element("p") {
                HTML.element("a", [("href", SiteURL.home.path)]) { "← 回到首页" }
            }
        }
    }

    private static func title(_ status: HTTPResponseStatus) -> String {
        switch status.code {
        case 400: "请求有误"
        case 401: "请先登录"
        case 403: "没有权限"
        case 404: "找不到页面"
        case 409: "内容已被他人修改"
        case 413: "提交的内容过大"
        case 429: "请稍后再试"
        case 422: "内容有误"
        case 500...: "服务器出错"
        default: "无法完成请求"
        }
    }

    /// A refusal's own reason when it gave one in Chinese; otherwise what the status means and what to do.
    private static func explanation(_ status: HTTPResponseStatus, reason: String?) -> String {
        if status.code == 413 {
            return "提交的内容超过了服务器接受的上限，未保存。您填写的文字仍在浏览器中：请返回上一页，删减或分几次保存。"
        }
        if status.code == 503 { return "服务暂时不可用，请稍后重试；问题持续时请联系系统管理员。" }
        if status.code >= 500 { return "服务器处理请求时出错，已记录在日志中。请稍后重试；问题持续时请把下面的请求编号告诉系统管理员。" }
        if let reason, reason.unicodeScalars.contains(where: { $0.value >= 0x4E00 && $0.value <= 0x9FFF }) { return reason }
        switch status.code {
        case 403: return "您的账号无权访问这一页面或执行这一操作。"
        case 404: return "要找的页面或记录不存在，可能已被删除，或链接有误。"
        case 409: return "您打开页面后，这条记录已被他人修改。请返回、刷新后重新编辑。"
        default: return "请求无法完成，请返回上一页检查后重试。"
        }
    }
}
