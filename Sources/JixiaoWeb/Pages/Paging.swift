import Vapor

/// A long list shown a page at a time: the page the query's `page` asks for (kept within the pages there are), the
/// rows it covers, and the links to the pages before and after with the list's filters kept.
struct Paging: Equatable {
    /// Rows to a page.
    static let size = 100

    /// The page shown, from 1.
    let page: Int
    let total: Int
    let size: Int

    init(page asked: Int?, total: Int, size: Int = Paging.size) {
        self.total = total
        self.size = size
        page = min(max(asked ?? 1, 1), max(1, (total + size - 1) / size))
    }

    /// The page the request's `page` parameter asks for.
    init(_ request: Request, total: Int, size: Int = Paging.size) {
        self.init(page: try? request.query.get(Int.self, at: "page"), total: total, size: size)
    }

    var pages: Int { max(1, (total + size - 1) / size) }

    /// The rows of the page, by position in the whole list.
    var range: Range<Int> { min(total, (page - 1) * size)..<min(total, page * size) }

    /// `第 101–200 项，共 350 项` with links to the other pages of `url` under `query`; nothing when one page holds
    /// the whole list.
    func links(_ url: SiteURL, query: [(String, String?)], noun: String = "项") -> HTML {
        guard pages > 1 else { return .group {} }
        func link(_ page: Int, _ text: String) -> HTML {
            HTML.element("a", [("href", url.path(query: query + [("page", String(page))]))]) { text }
        }
        return HTML.element("nav", [("class", "paging"), ("aria-label", "分页")]) {
            "第 \(range.lowerBound + 1)–\(range.upperBound) \(noun)，共 \(total) \(noun)（第 \(page)/\(pages) 页）"
            if page > 1 {
                " "
                link(1, "首页")
                " "
                link(page - 1, "上一页")
            }
            if page < pages {
                " "
                link(page + 1, "下一页")
                " "
                link(pages, "末页")
            }
        }
    }
}
