import JixiaoOffice

extension DocxBody {
    /// Pictures are drawn this wide (150 mm, within the 156 mm text width), their height in proportion.
    static let pictureWidth = 150 * 36_000

    /// A chart as an inline picture in its own centred paragraph. The picture is the SVG itself, referenced both as
    /// the blip (LibreOffice reads it) and through the Office 2016 SVG extension (Word 2016 and later read it).
    func picture(_ xml: inout XMLWriter, _ chart: Chart, number: Int, pageBreakBefore: Bool) {
        let relationship = pictures[number - 1]
        let width = DocxBody.pictureWidth
        let height = width * chart.height / max(chart.width, 1)
        let size = [("cx", String(width)), ("cy", String(height))]
        xml.element("w:p") { xml in
            xml.element("w:pPr") { xml in
                xml.empty("w:pStyle", [("w:val", DocxStyles.ID.figure)])
                if pageBreakBefore { xml.empty("w:pageBreakBefore") }
            }
            xml.element("w:r") { xml in
                xml.element("w:drawing") { xml in
                    xml.element("wp:inline", [("distT", "0"), ("distB", "0"), ("distL", "0"), ("distR", "0"),
                                              ("xmlns:wp", DrawingML.wordprocessing)]) { xml in
                        xml.empty("wp:extent", size)
                        xml.empty("wp:docPr", [("id", String(number)), ("name", "图\(number)"), ("descr", chart.title)])
                        xml.element("wp:cNvGraphicFramePr") { xml in
                            xml.empty("a:graphicFrameLocks", [("xmlns:a", DrawingML.main), ("noChangeAspect", "1")])
                        }
                        xml.element("a:graphic", [("xmlns:a", DrawingML.main)]) { xml in
                            xml.element("a:graphicData", [("uri", DrawingML.picture)]) { xml in
                                xml.element("pic:pic", [("xmlns:pic", DrawingML.picture)]) { xml in
                                    xml.element("pic:nvPicPr") { xml in
                                        xml.empty("pic:cNvPr", [("id", String(number)), ("name", "chart\(number).svg")])
                                        xml.empty("pic:cNvPicPr")
                                    }
                                    xml.element("pic:blipFill") { xml in
                                        xml.element("a:blip", [("r:embed", relationship)]) { xml in
                                            xml.element("a:extLst") { xml in
                                                xml.element("a:ext", [("uri", DrawingML.svgExtension)]) { xml in
                                                    xml.empty("asvg:svgBlip", [("xmlns:asvg", DrawingML.svg),
                                                                               ("r:embed", relationship)])
                                                }
                                            }
                                        }
                                        xml.element("a:stretch") { $0.empty("a:fillRect") }
                                    }
                                    xml.element("pic:spPr") { xml in
                                        xml.element("a:xfrm") { xml in
                                            xml.empty("a:off", [("x", "0"), ("y", "0")])
                                            xml.empty("a:ext", size)
                                        }
                                        xml.element("a:prstGeom", [("prst", "rect")]) { $0.empty("a:avLst") }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// DrawingML namespaces and identifiers for inline pictures.
enum DrawingML {
    static let main = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let picture = "http://schemas.openxmlformats.org/drawingml/2006/picture"
    static let wordprocessing = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    static let svg = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
    /// The extension that carries an SVG picture beside (here: as) the blip.
    static let svgExtension = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
}
