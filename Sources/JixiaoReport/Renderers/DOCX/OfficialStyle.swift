/// The 公文 layout of GB/T 9704-2012 as one table of values: page, faces, sizes and spacing. Every DOCX style is
/// derived from it; nothing about fonts or sizes is written anywhere else.
public struct OfficialStyle: Sendable {
    /// A Chinese face with the face Word and LibreOffice use when it is not installed, and a size.
    public struct Face: Sendable {
        /// The official face named in the document (as on a government Windows machine).
        public var name: String
        /// The face used where `name` is missing (`w:altName`).
        public var fallback: String
        /// The size in points ×2 (Word's half-points): 3号 16 pt = 32.
        public var halfPoints: Int
        public var bold: Bool

        public init(name: String, fallback: String, halfPoints: Int, bold: Bool = false) {
            self.name = name
            self.fallback = fallback
            self.halfPoints = halfPoints
            self.bold = bold
        }
    }

    /// Page size and margins in millimetres.
    public var pageWidth = 210.0
    public var pageHeight = 297.0
    public var marginTop = 37.0
    public var marginBottom = 35.0
    public var marginLeft = 28.0
    public var marginRight = 26.0
    /// Distance from the page's bottom edge to the foot of the page number (7 mm below the type area).
    public var footerDistance = 23.0
    /// 22 lines a page, 28 characters a line.
    public var linesPerPage = 22
    public var charactersPerLine = 28

    /// Latin letters and digits in running text.
    public var latinFace = "Times New Roman"
    /// 2号 方正小标宋简体, centred.
    public var title = Face(name: "方正小标宋简体", fallback: "宋体", halfPoints: 44)
    /// 3号 仿宋_GB2312.
    public var body = Face(name: "仿宋_GB2312", fallback: "仿宋", halfPoints: 32)
    /// "一、" headings: 3号 黑体.
    public var heading1 = Face(name: "黑体", fallback: "SimHei", halfPoints: 32)
    /// "（一）" headings: 3号 楷体_GB2312.
    public var heading2 = Face(name: "楷体_GB2312", fallback: "楷体", halfPoints: 32)
    /// "1." headings: the body face.
    public var heading3 = Face(name: "仿宋_GB2312", fallback: "仿宋", halfPoints: 32)
    /// Table titles: 3号 黑体, centred.
    public var tableCaption = Face(name: "黑体", fallback: "SimHei", halfPoints: 32)
    /// Table cells: 5号 仿宋_GB2312.
    public var tableText = Face(name: "仿宋_GB2312", fallback: "仿宋", halfPoints: 21)
    /// Page numbers "— 1 —": 4号 半角宋体.
    public var pageNumber = Face(name: "宋体", fallback: "SimSun", halfPoints: 28)

    /// The default: GB/T 9704-2012.
    public static let gbt9704 = OfficialStyle()

    public init() {}

    /// The page turned on its side for a wide table (the project table): the same margins around a 243 mm line,
    /// 15 lines of the grid (the 2号 title still fits one) and the characters that fill the longer line.
    public func turned() -> OfficialStyle {
        var style = self
        (style.pageWidth, style.pageHeight) = (pageHeight, pageWidth)
        style.linesPerPage = 15
        style.charactersPerLine = 43
        return style
    }

    /// Whether the page is wider than it is high.
    var isLandscape: Bool { pageWidth > pageHeight }

    /// Twips (1/20 pt) in a millimetre.
    static func twips(millimetres: Double) -> Int { Int((millimetres * 1440 / 25.4).rounded()) }

    var textWidthTwips: Int { OfficialStyle.twips(millimetres: pageWidth - marginLeft - marginRight) }

    /// The fixed line pitch that puts `linesPerPage` lines in the type area.
    var linePitchTwips: Int {
        OfficialStyle.twips(millimetres: pageHeight - marginTop - marginBottom) / linesPerPage
    }

    /// The spacing between characters (twentieths of a point, negative to condense) that fits
    /// `charactersPerLine` body characters in a line: 156 mm holds 27.6 characters of 16 pt, so they are
    /// condensed by a quarter point. (A character grid would do the same in Word, but LibreOffice lays a
    /// `linesAndChars` grid out differently, so plain spacing gives the same page everywhere.)
    var characterSpacing: Int {
        let pitchPoints = Double(textWidthTwips) / 20 / Double(charactersPerLine)
        return Int(((pitchPoints - Double(body.halfPoints) / 2) * 20).rounded(.down))
    }

    /// Every face the document names, each once, for the font table.
    var faces: [Face] {
        var seen: Set<String> = []
        return [title, body, heading1, heading2, heading3, tableCaption, tableText, pageNumber]
            .filter { seen.insert($0.name).inserted }
    }
}
