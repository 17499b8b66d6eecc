import Foundation
import JixiaoOffice

/// Renders a report as a Word document (DOCX) in the 公文 layout of an ``OfficialStyle``. Deterministic: the same
/// document gives the same bytes.
public enum DocxRenderer {
    public static func render(_ document: ReportDocument, style: OfficialStyle = .gbt9704) throws -> Data {
        var package = OfficePackage()
        var packageRelationships = Relationships()
        packageRelationships.add(type: Relationships.Kind.officeDocument, target: "word/document.xml")
        DocumentProperties.add(title: document.title, to: &package, relationships: &packageRelationships)

        var relationships = Relationships()
        relationships.add(type: Relationships.Kind.styles, target: "styles.xml")
        relationships.add(type: Relationships.Kind.settings, target: "settings.xml")
        relationships.add(type: Relationships.Kind.fontTable, target: "fontTable.xml")
        let odd = relationships.add(type: Relationships.Kind.footer, target: "footer1.xml")
        let even = relationships.add(type: Relationships.Kind.footer, target: "footer2.xml")

        var pictures: [String] = []
        for case let .figure(chart, _) in document.blocks {
            let path = "media/chart\(pictures.count + 1).svg"
            pictures.append(relationships.add(type: Relationships.Kind.image, target: path))
            package.add("word/" + path, contentType: "image/svg+xml", data: Data(chart.svg.utf8))
        }

        let style = document.landscape ? style.turned() : style
        let body = DocxBody(style: style, footers: (odd, even), pictures: pictures)
        package.add("word/document.xml", contentType: WordML.contentType("document.main"), xml: body.xml(document))
        package.add("word/styles.xml", contentType: WordML.contentType("styles"), xml: DocxStyles.styles(style))
        package.add("word/settings.xml", contentType: WordML.contentType("settings"), xml: DocxStyles.settings())
        package.add("word/fontTable.xml", contentType: WordML.contentType("fontTable"),
                    xml: DocxStyles.fontTable(style))
        package.add("word/footer1.xml", contentType: WordML.contentType("footer"),
                    xml: DocxStyles.footer(style, odd: true))
        package.add("word/footer2.xml", contentType: WordML.contentType("footer"),
                    xml: DocxStyles.footer(style, odd: false))
        package.add("word/_rels/document.xml.rels", contentType: "", xml: relationships.xml)
        package.add("_rels/.rels", contentType: "", xml: packageRelationships.xml)
        return try package.archive()
    }
}
