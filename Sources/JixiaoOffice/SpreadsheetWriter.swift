import Foundation

/// Writes worksheets as an XLSX workbook (SpreadsheetML): shared strings, a style table built from the cells'
/// styles in order of first use, merged cells, frozen panes and A4 fit-to-width print setup. Deterministic.
public enum SpreadsheetWriter {
    static let namespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func contentType(_ part: String) -> String {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.\(part)+xml"
    }

    public static func write(_ sheets: [Worksheet], title: String) throws -> Data {
        var strings = SharedStrings()
        var styles = StyleTable()
        var package = OfficePackage()
        var packageRelationships = Relationships()
        packageRelationships.add(type: Relationships.Kind.officeDocument, target: "xl/workbook.xml")
        DocumentProperties.add(title: title, to: &package, relationships: &packageRelationships)
        var relationships = Relationships()
        for (index, sheet) in sheets.enumerated() {
            relationships.add(type: Relationships.Kind.worksheet, target: "worksheets/sheet\(index + 1).xml")
            package.add("xl/worksheets/sheet\(index + 1).xml", contentType: contentType("worksheet"),
                        xml: worksheet(sheet, strings: &strings, styles: &styles))
        }
        relationships.add(type: Relationships.Kind.styles, target: "styles.xml")
        relationships.add(type: Relationships.Kind.sharedStrings, target: "sharedStrings.xml")
        package.add("xl/workbook.xml", contentType: contentType("sheet.main"), xml: workbook(sheets))
        package.add("xl/styles.xml", contentType: contentType("styles"), xml: styles.xml)
        package.add("xl/sharedStrings.xml", contentType: contentType("sharedStrings"), xml: strings.xml)
        package.add("xl/_rels/workbook.xml.rels", contentType: "", xml: relationships.xml)
        package.add("_rels/.rels", contentType: "", xml: packageRelationships.xml)
        return try package.archive()
    }

    private static func workbook(_ sheets: [Worksheet]) -> XMLWriter {
        var xml = XMLWriter()
        xml.element("workbook", [("xmlns", namespace), ("xmlns:r", relationshipNamespace)]) { xml in
            xml.element("sheets") { xml in
                for (index, sheet) in sheets.enumerated() {
                    xml.empty("sheet", [("name", sheet.name), ("sheetId", String(index + 1)),
                                        ("r:id", "rId\(index + 1)")])
                }
            }
            let titled = sheets.enumerated().filter { $0.element.printTitleRows != nil }
            if !titled.isEmpty {
                xml.element("definedNames") { xml in
                    for (index, sheet) in titled {
                        guard let rows = sheet.printTitleRows else { continue }
                        xml.element("definedName", [("name", "_xlnm.Print_Titles"), ("localSheetId", String(index))],
                                    text: "'\(sheet.name.replacingOccurrences(of: "'", with: "''"))'!"
                                        + "$\(rows.lowerBound + 1):$\(rows.upperBound + 1)")
                    }
                }
            }
        }
        return xml
    }

    private static func worksheet(_ sheet: Worksheet, strings: inout SharedStrings,
                                  styles: inout StyleTable) -> XMLWriter {
        let width = max(sheet.columnWidths.count, sheet.rows.map(\.count).max() ?? 0)
        var xml = XMLWriter()
        xml.element("worksheet", [("xmlns", namespace), ("xmlns:r", relationshipNamespace)]) { xml in
            xml.element("sheetPr") { $0.empty("pageSetUpPr", [("fitToPage", "1")]) }
            if width > 0, !sheet.rows.isEmpty {
                xml.empty("dimension", [("ref", CellRange(row: 0, column: 0, rowCount: sheet.rows.count,
                                                          columnCount: width).reference)])
            }
            xml.element("sheetViews") { xml in
                xml.element("sheetView", [("workbookViewId", "0")]) { xml in
                    if sheet.frozenRows > 0 {
                        xml.empty("pane", [("ySplit", String(sheet.frozenRows)),
                                           ("topLeftCell", CellRange.reference(row: sheet.frozenRows, column: 0)),
                                           ("activePane", "bottomLeft"), ("state", "frozen")])
                        xml.empty("selection", [("pane", "bottomLeft")])
                    }
                }
            }
            xml.empty("sheetFormatPr", [("defaultRowHeight", "15")])
            if !sheet.columnWidths.isEmpty {
                xml.element("cols") { xml in
                    for (index, columnWidth) in sheet.columnWidths.enumerated() {
                        xml.empty("col", [("min", String(index + 1)), ("max", String(index + 1)),
                                          ("width", decimal(columnWidth)), ("customWidth", "1")])
                    }
                }
            }
            xml.element("sheetData") { xml in
                for (rowIndex, row) in sheet.rows.enumerated() {
                    var attributes = [("r", String(rowIndex + 1))]
                    if let height = sheet.rowHeights[rowIndex] {
                        attributes += [("ht", decimal(height)), ("customHeight", "1")]
                    }
                    xml.element("row", attributes) { xml in
                        for (column, cell) in row.enumerated() {
                            self.cell(&xml, cell, reference: CellRange.reference(row: rowIndex, column: column),
                                      strings: &strings, styles: &styles)
                        }
                    }
                }
            }
            if !sheet.merges.isEmpty {
                xml.element("mergeCells", [("count", String(sheet.merges.count))]) { xml in
                    for merge in sheet.merges { xml.empty("mergeCell", [("ref", merge.reference)]) }
                }
            }
            if !sheet.validations.isEmpty {
                xml.element("dataValidations", [("count", String(sheet.validations.count))]) { xml in
                    for validation in sheet.validations {
                        xml.element("dataValidation", [("type", "list"), ("allowBlank", "1"), ("showErrorMessage", "1"),
                                                       ("sqref", validation.range.reference)]) { xml in
                            xml.element("formula1", text: "\"" + validation.values.joined(separator: ",") + "\"")
                        }
                    }
                }
            }
            xml.empty("pageMargins", [("left", "0.7"), ("right", "0.7"), ("top", "0.75"), ("bottom", "0.75"),
                                      ("header", "0.3"), ("footer", "0.3")])
            xml.empty("pageSetup", [("paperSize", "9"), ("orientation", sheet.landscape ? "landscape" : "portrait"),
                                    ("fitToWidth", "1"), ("fitToHeight", "0")])
        }
        return xml
    }

    private static func cell(_ xml: inout XMLWriter, _ cell: SheetCell, reference: String,
                             strings: inout SharedStrings, styles: inout StyleTable) {
        let style = String(styles.index(of: cell.style))
        switch cell.value {
        case .empty:
            xml.empty("c", [("r", reference), ("s", style)])
        case .text(let text):
            let index = strings.index(of: text)
            xml.element("c", [("r", reference), ("s", style), ("t", "s")]) { $0.element("v", text: String(index)) }
        case .number(let literal):
            xml.element("c", [("r", reference), ("s", style)]) { $0.element("v", text: literal) }
        }
    }

    /// A width or height without needless digits.
    private static func decimal(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

/// The workbook's shared strings, numbered in order of first use.
private struct SharedStrings {
    private var indices: [String: Int] = [:]
    private var ordered: [String] = []
    private var uses = 0

    mutating func index(of text: String) -> Int {
        uses += 1
        if let index = indices[text] { return index }
        indices[text] = ordered.count
        ordered.append(text)
        return ordered.count - 1
    }

    var xml: XMLWriter {
        var xml = XMLWriter()
        xml.element("sst", [("xmlns", SpreadsheetWriter.namespace), ("count", String(uses)),
                            ("uniqueCount", String(ordered.count))]) { xml in
            for text in ordered {
                let preserve = text.first?.isWhitespace == true || text.last?.isWhitespace == true
                xml.element("si") { $0.element("t", preserve ? [("xml:space", "preserve")] : [], text: text) }
            }
        }
        return xml
    }
}

/// The workbook's style table: number formats, fonts, borders and cell formats, each added on first use.
private struct StyleTable {
    private var styles: [CellStyle] = [CellStyle()]
    private var indices: [CellStyle: Int] = [CellStyle(): 0]

    mutating func index(of style: CellStyle) -> Int {
        if let index = indices[style] { return index }
        indices[style] = styles.count
        styles.append(style)
        return styles.count - 1
    }

    var xml: XMLWriter {
        let formats = unique(styles.map(\.numberFormat).filter { $0 != .general })
        let fonts = unique(styles.map { FontKey(bold: $0.bold, size: $0.fontSize) })
        var xml = XMLWriter()
        xml.element("styleSheet", [("xmlns", SpreadsheetWriter.namespace)]) { xml in
            if !formats.isEmpty {
                xml.element("numFmts", [("count", String(formats.count))]) { xml in
                    for (index, format) in formats.enumerated() {
                        xml.empty("numFmt", [("numFmtId", String(164 + index)), ("formatCode", format.code)])
                    }
                }
            }
            xml.element("fonts", [("count", String(fonts.count))]) { xml in
                for font in fonts {
                    xml.element("font") { xml in
                        if font.bold { xml.empty("b") }
                        xml.empty("sz", [("val", String(font.size))])
                        xml.empty("name", [("val", "宋体")])
                        xml.empty("family", [("val", "3")])
                        xml.empty("charset", [("val", "134")])
                    }
                }
            }
            xml.element("fills", [("count", "2")]) { xml in
                xml.element("fill") { $0.empty("patternFill", [("patternType", "none")]) }
                xml.element("fill") { $0.empty("patternFill", [("patternType", "gray125")]) }
            }
            xml.element("borders", [("count", "2")]) { xml in
                xml.element("border") { xml in
                    for side in ["left", "right", "top", "bottom", "diagonal"] { xml.empty(side) }
                }
                xml.element("border") { xml in
                    for side in ["left", "right", "top", "bottom"] {
                        xml.element(side, [("style", "thin")]) { $0.empty("color", [("auto", "1")]) }
                    }
                    xml.empty("diagonal")
                }
            }
            xml.element("cellStyleXfs", [("count", "1")]) { xml in
                xml.empty("xf", [("numFmtId", "0"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0")])
            }
            xml.element("cellXfs", [("count", String(styles.count))]) { xml in
                for style in styles {
                    let format = style.numberFormat == .general ? 0 : 164 + formats.firstIndex(of: style.numberFormat)!
                    let font = fonts.firstIndex(of: FontKey(bold: style.bold, size: style.fontSize))!
                    var attributes = [("numFmtId", String(format)), ("fontId", String(font)), ("fillId", "0"),
                                      ("borderId", style.bordered ? "1" : "0"), ("xfId", "0")]
                    if format != 0 { attributes.append(("applyNumberFormat", "1")) }
                    if style.bordered { attributes.append(("applyBorder", "1")) }
                    let aligned = style.alignment != .general || style.wrap
                    if aligned { attributes.append(("applyAlignment", "1")) }
                    xml.element("xf", attributes) { xml in
                        guard aligned else { return }
                        var alignment = [("vertical", "center")]
                        if style.alignment != .general { alignment.insert(("horizontal", style.alignment.rawValue), at: 0) }
                        if style.wrap { alignment.append(("wrapText", "1")) }
                        xml.empty("alignment", alignment)
                    }
                }
            }
            xml.element("cellStyles", [("count", "1")]) { xml in
                xml.empty("cellStyle", [("name", "Normal"), ("xfId", "0"), ("builtinId", "0")])
            }
        }
        return xml
    }

    private struct FontKey: Hashable {
        var bold: Bool
        var size: Int
    }

    private func unique<T: Hashable>(_ values: [T]) -> [T] {
        var seen: Set<T> = []
        return values.filter { seen.insert($0).inserted }
    }
}
