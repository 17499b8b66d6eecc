import JixiaoOffice

/// Namespaces and content types of WordprocessingML parts.
enum WordML {
    static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let namespaces = [("xmlns:w", namespace), ("xmlns:r", relationshipNamespace)]

    static func contentType(_ part: String) -> String {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.\(part)+xml"
    }
}

extension XMLWriter {
    /// `<w:rFonts>` naming a Chinese face for East Asian text and the Latin face for the rest.
    mutating func fonts(_ face: OfficialStyle.Face, latin: String) {
        empty("w:rFonts", [("w:ascii", latin), ("w:hAnsi", latin), ("w:eastAsia", face.name), ("w:cs", latin)])
    }

    /// The run properties of a face: fonts, bold, size.
    mutating func runProperties(_ face: OfficialStyle.Face, latin: String) {
        element("w:rPr") { xml in
            xml.fonts(face, latin: latin)
            if face.bold { xml.empty("w:b"); xml.empty("w:bCs") }
            xml.empty("w:sz", [("w:val", String(face.halfPoints))])
            xml.empty("w:szCs", [("w:val", String(face.halfPoints))])
        }
    }

    /// A run of text, preserving spaces.
    mutating func run(_ text: String, bold: Bool = false) {
        element("w:r") { xml in
            if bold { xml.element("w:rPr") { $0.empty("w:b"); $0.empty("w:bCs") } }
            xml.element("w:t", [("xml:space", "preserve")], text: text)
        }
    }
}
