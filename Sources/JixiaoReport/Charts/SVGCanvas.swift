import JixiaoCore
import JixiaoOffice

/// A small SVG writer for charts: coordinates are exact rationals written with one decimal, so the same data always
/// draws the same bytes (no floating point, no chart library).
struct SVGCanvas {
    let width: Int
    let height: Int
    private var elements: [String] = []

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    static func number(_ value: Rational) -> String { Rounding(mode: .halfUp, places: 1).format(value) }

    mutating func line(_ x1: Rational, _ y1: Rational, _ x2: Rational, _ y2: Rational, stroke: String,
                       dash: String? = nil, width: Int = 1) {
        elements.append("<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" "
            + "y2=\"\(Self.number(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(width)\""
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>")
    }

    mutating func polyline(_ points: [(Rational, Rational)], stroke: String, dash: String? = nil, width: Int = 2) {
        let coordinates = points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        elements.append("<polyline points=\"\(coordinates)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(width)\""
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>")
    }

    mutating func rect(_ x: Rational, _ y: Rational, _ width: Rational, _ height: Rational, fill: String) {
        elements.append("<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(width))\" "
            + "height=\"\(Self.number(height))\" fill=\"\(fill)\"/>")
    }

    mutating func text(_ x: Rational, _ y: Rational, _ content: String, anchor: String = "start", size: Int = 12,
                       fill: String = "#1d2330") {
        elements.append("<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-size=\"\(size)\" "
            + "text-anchor=\"\(anchor)\" fill=\"\(fill)\">\(XMLWriter.escape(content, quotes: false))</text>")
    }

    /// The drawing, with a title for screen readers.
    func chart(title: String) -> Chart {
        Chart(title: title, svg: svg(title: title), width: width, height: height)
    }

    private func svg(title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" "
            + "width=\"\(width)\" height=\"\(height)\" role=\"img\" "
            + "aria-label=\"\(XMLWriter.escape(title, quotes: true))\" "
            + "font-family=\"Noto Sans CJK SC, Microsoft YaHei, sans-serif\">"
            + "<title>\(XMLWriter.escape(title, quotes: false))</title>" + elements.joined() + "</svg>"
    }
}
