import JixiaoOffice

/// `word/styles.xml`, `word/fontTable.xml` and `word/settings.xml`, derived from an ``OfficialStyle``.
enum DocxStyles {
    /// Paragraph style ids used by the body.
    enum ID {
        static let title = "JixiaoTitle"
        static let heading = ["Heading1", "Heading2", "Heading3"]
        static let tableCaption = "JixiaoTableCaption"
        static let figureCaption = "JixiaoFigureCaption"
        static let figure = "JixiaoFigure"
        static let tableText = "JixiaoTableText"
        static let pageNumber = "JixiaoPageNumber"
    }

    static func styles(_ style: OfficialStyle) -> XMLWriter {
        let latin = style.latinFace
        let pitch = String(style.linePitchTwips)
        let indent = String(style.body.halfPoints * 20)  // two characters of the body face, in twips
        var xml = XMLWriter()
        xml.element("w:styles", WordML.namespaces) { xml in
            xml.element("w:docDefaults") { xml in
                xml.element("w:rPrDefault") { xml in
                    xml.element("w:rPr") { xml in
                        xml.fonts(style.body, latin: latin)
                        xml.empty("w:spacing", [("w:val", String(style.characterSpacing))])
                        xml.empty("w:sz", [("w:val", String(style.body.halfPoints))])
                        xml.empty("w:szCs", [("w:val", String(style.body.halfPoints))])
                        xml.empty("w:lang", [("w:val", "en-US"), ("w:eastAsia", "zh-CN"), ("w:bidi", "ar-SA")])
                    }
                }
                xml.element("w:pPrDefault") { xml in
                    xml.element("w:pPr") { xml in
                        xml.empty("w:spacing", [("w:before", "0"), ("w:after", "0"), ("w:line", pitch),
                                                ("w:lineRule", "exact")])
                    }
                }
            }
            paragraphStyle(&xml, id: "Normal", name: "Normal", isDefault: true) { xml in
                xml.empty("w:widowControl", [("w:val", "0")])
                xml.empty("w:ind", [("w:firstLineChars", "200"), ("w:firstLine", indent)])
                // Left, not justified: LibreOffice drops a 、 or ， that hangs at the end of a full justified line
                // from the PDF (the text loses it; w:overflowPunct does not stop it). Full lines of Chinese end flush
                // anyway on the 28-character grid.
                xml.empty("w:jc", [("w:val", "left")])
            } runProperties: { _ in }
            paragraphStyle(&xml, id: ID.title, name: "Jixiao Title", next: "Normal") { xml in
                // Off the grid: a 2号 line is taller than the body's grid pitch and would take two grid lines.
                xml.empty("w:snapToGrid", [("w:val", "0")])
                xml.empty("w:spacing", [("w:after", pitch), ("w:line", pitch), ("w:lineRule", "exact")])
                xml.empty("w:ind", [("w:firstLineChars", "0"), ("w:firstLine", "0")])
                xml.empty("w:jc", [("w:val", "center")])
            } runProperties: { $0.runProperties(style.title, latin: style.title.name) }
            for (level, face) in [style.heading1, style.heading2, style.heading3].enumerated() {
                paragraphStyle(&xml, id: ID.heading[level], name: "heading \(level + 1)", next: "Normal") { xml in
                    xml.empty("w:keepNext")
                    xml.empty("w:outlineLvl", [("w:val", String(level))])
                } runProperties: { $0.runProperties(face, latin: latin) }
            }
            // A table's caption stands above it and goes with it; a figure's stands below and lets what follows
            // go to the next page (kept with the next paragraph, two figures and a heading would move as one).
            for (id, name, keepsNext) in [(ID.tableCaption, "Jixiao Table Caption", true),
                                          (ID.figureCaption, "Jixiao Figure Caption", false)] {
                paragraphStyle(&xml, id: id, name: name, next: "Normal") { xml in
                    if keepsNext { xml.empty("w:keepNext") }
                    xml.empty("w:spacing", [("w:after", "120"), ("w:line", pitch), ("w:lineRule", "exact")])
                    xml.empty("w:ind", [("w:firstLineChars", "0"), ("w:firstLine", "0")])
                    xml.empty("w:jc", [("w:val", "center")])
                } runProperties: { $0.runProperties(style.tableCaption, latin: latin) }
            }
            // A picture needs a line as tall as itself: single spacing, not the body's exact grid pitch.
            paragraphStyle(&xml, id: ID.figure, name: "Jixiao Figure", next: "Normal") { xml in
                xml.empty("w:keepNext")
                xml.empty("w:spacing", [("w:before", "120"), ("w:after", "60"), ("w:line", "240"), ("w:lineRule", "auto")])
                xml.empty("w:ind", [("w:firstLineChars", "0"), ("w:firstLine", "0")])
                xml.empty("w:jc", [("w:val", "center")])
            } runProperties: { $0.runProperties(style.tableCaption, latin: latin) }
            paragraphStyle(&xml, id: ID.tableText, name: "Jixiao Table Text") { xml in
                xml.empty("w:snapToGrid", [("w:val", "0")])
                xml.empty("w:spacing", [("w:line", "280"), ("w:lineRule", "exact")])
                xml.empty("w:ind", [("w:firstLineChars", "0"), ("w:firstLine", "0")])
                xml.empty("w:jc", [("w:val", "left")])
            } runProperties: { $0.runProperties(style.tableText, latin: latin) }
            paragraphStyle(&xml, id: ID.pageNumber, name: "Jixiao Page Number") { xml in
                xml.empty("w:snapToGrid", [("w:val", "0")])
                xml.empty("w:spacing", [("w:line", "240"), ("w:lineRule", "auto")])
                xml.empty("w:ind", [("w:firstLineChars", "0"), ("w:firstLine", "0")])
            } runProperties: { $0.runProperties(style.pageNumber, latin: style.pageNumber.name) }
        }
        return xml
    }

    private static func paragraphStyle(_ xml: inout XMLWriter, id: String, name: String, isDefault: Bool = false,
                                       next: String? = nil, paragraph: (inout XMLWriter) -> Void,
                                       runProperties: (inout XMLWriter) -> Void) {
        var attributes = [("w:type", "paragraph"), ("w:styleId", id)]
        if isDefault { attributes.append(("w:default", "1")) }
        xml.element("w:style", attributes) { xml in
            xml.empty("w:name", [("w:val", name)])
            if !isDefault { xml.empty("w:basedOn", [("w:val", "Normal")]) }
            if let next { xml.empty("w:next", [("w:val", next)]) }
            xml.empty("w:qFormat")
            xml.element("w:pPr", [], paragraph)
            runProperties(&xml)
        }
    }

    /// Each face with its fallback (`w:altName`), so a machine without the official face uses the right kind.
    static func fontTable(_ style: OfficialStyle) -> XMLWriter {
        var xml = XMLWriter()
        xml.element("w:fonts", WordML.namespaces) { xml in
            for face in style.faces {
                xml.element("w:font", [("w:name", face.name)]) { xml in
                    xml.empty("w:altName", [("w:val", face.fallback)])
                    xml.empty("w:charset", [("w:val", "86")])
                    xml.empty("w:family", [("w:val", face.name.contains("黑") ? "modern" : "roman")])
                    xml.empty("w:pitch", [("w:val", "variable")])
                }
            }
            xml.element("w:font", [("w:name", style.latinFace)]) { xml in
                xml.empty("w:charset", [("w:val", "00")])
                xml.empty("w:family", [("w:val", "roman")])
                xml.empty("w:pitch", [("w:val", "variable")])
            }
        }
        return xml
    }

    /// Different footers on odd and even pages; Chinese punctuation compressed as Word does for 公文.
    static func settings() -> XMLWriter {
        var xml = XMLWriter()
        xml.element("w:settings", WordML.namespaces) { xml in
            xml.empty("w:zoom", [("w:percent", "100")])
            xml.empty("w:defaultTabStop", [("w:val", "420")])
            xml.empty("w:evenAndOddHeaders")
            xml.empty("w:characterSpacingControl", [("w:val", "compressPunctuation")])
            xml.element("w:compat") { xml in
                xml.empty("w:compatSetting", [("w:name", "compatibilityMode"),
                                              ("w:uri", "http://schemas.microsoft.com/office/word"), ("w:val", "15")])
            }
        }
        return xml
    }

    /// A footer with the page number as "— 1 —", one character in from the outer edge.
    static func footer(_ style: OfficialStyle, odd: Bool) -> XMLWriter {
        let inset = String(style.pageNumber.halfPoints * 10)
        var xml = XMLWriter()
        xml.element("w:ftr", WordML.namespaces) { xml in
            xml.element("w:p") { xml in
                xml.element("w:pPr") { xml in
                    xml.empty("w:pStyle", [("w:val", ID.pageNumber)])
                    xml.empty("w:ind", odd ? [("w:right", inset), ("w:firstLine", "0")]
                                           : [("w:left", inset), ("w:firstLine", "0")])
                    xml.empty("w:jc", [("w:val", odd ? "right" : "left")])
                }
                xml.run("— ")
                xml.element("w:r") { $0.empty("w:fldChar", [("w:fldCharType", "begin")]) }
                xml.element("w:r") { $0.element("w:instrText", [("xml:space", "preserve")], text: " PAGE ") }
                xml.element("w:r") { $0.empty("w:fldChar", [("w:fldCharType", "separate")]) }
                xml.run("1")
                xml.element("w:r") { $0.empty("w:fldChar", [("w:fldCharType", "end")]) }
                xml.run(" —")
            }
        }
        return xml
    }
}
