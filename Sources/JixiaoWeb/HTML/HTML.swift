import JixiaoReport

/// A fragment of HTML whose text is always escaped: pages are built from elements and text, so nothing a user
/// typed can become markup.
public struct HTML: Sendable {
    /// The markup.
    public let rendered: String

    private init(rendered: String) { self.rendered = rendered }

    /// Escaped text.
    public static func text(_ text: String) -> HTML { HTML(rendered: escape(text)) }

    /// An element with attributes (nil values are left out) and children.
    public static func element(_ name: String, _ attributes: [(String, String?)] = [],
                               @HTMLBuilder _ children: () -> HTML = { .empty }) -> HTML {
        // Appended piece by piece into one string: a page is thousands of elements, each copied into its parent.
        var markup = "<"
        markup += name
        for case let (key, value?) in attributes {
            markup += " "
            markup += key
            markup += "=\""
            markup += escape(value)
            markup += "\""
        }
        markup += ">"
        if isVoid(name) { return HTML(rendered: markup) }
        markup += children().rendered
        markup += "</"
        markup += name
        markup += ">"
        return HTML(rendered: markup)
    }

    /// A chart drawn by `Charts` (its text already escaped there); anything that is not an SVG drawing is refused.
    static func chart(_ svg: String) -> HTML {
        svg.hasPrefix("<svg ") && svg.hasSuffix("</svg>") ? HTML(rendered: svg) : .text("")
    }

    /// Report blocks as the report's own renderer writes them (it escapes every text).
    static func report(_ blocks: [ReportDocument.Block]) -> HTML { HTML(rendered: HTMLRenderer.fragment(blocks)) }

    /// Markup written by the program itself (the stylesheet), never from data.
    static func trusted(_ markup: StaticString) -> HTML { HTML(rendered: "\(markup)") }

    /// Several fragments as one.
    public static func group(@HTMLBuilder _ children: () -> HTML) -> HTML { children() }

    /// Nothing.
    public static let empty = HTML(rendered: "")

    /// Fragments one after another.
    public static func joined(_ parts: [HTML]) -> HTML {
        var markup = ""
        markup.reserveCapacity(parts.reduce(0) { $0 + $1.rendered.utf8.count })
        for part in parts { markup += part.rendered }
        return HTML(rendered: markup)
    }

    /// Elements without content or end tag.
    private static func isVoid(_ name: String) -> Bool {
        switch name {
        case "br", "hr", "img", "input", "link", "meta", "col": true
        default: false
        }
    }

    /// Page text keeps its newlines (text areas, code); the report's escaping, which pages share.
    static func escape(_ text: String) -> String { HTMLRenderer.escape(text, lineBreaks: false) }
}

/// Builds a fragment from elements and text with `if`, `for` and optionals, each part's markup appended to the one
/// string of its block (no list of parts is kept: pages are thousands of elements).
@resultBuilder
public enum HTMLBuilder {
    public static func buildBlock(_ parts: HTML...) -> HTML { HTML.joined(parts) }
    public static func buildExpression(_ html: HTML) -> HTML { html }
    public static func buildExpression(_ text: String) -> HTML { .text(text) }
    public static func buildExpression(_ html: [HTML]) -> HTML { HTML.joined(html) }
    public static func buildOptional(_ part: HTML?) -> HTML { part ?? .empty }
    public static func buildEither(first: HTML) -> HTML { first }
    public static func buildEither(second: HTML) -> HTML { second }
    public static func buildArray(_ parts: [HTML]) -> HTML { HTML.joined(parts) }
}
