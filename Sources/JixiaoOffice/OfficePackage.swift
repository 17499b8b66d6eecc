import Foundation

/// An Open Packaging Conventions file (DOCX, XLSX) assembled in memory: parts with their content types, written as
/// one ZIP with `[Content_Types].xml` first. Every entry carries the same fixed date, so the same parts always give
/// the same bytes.
public struct OfficePackage: Sendable {
    /// One part of the package.
    public struct Part: Sendable {
        public var path: String
        public var contentType: String
        public var data: Data
    }

    public private(set) var parts: [Part] = []

    public init() {}

    /// Adds a part at a path such as `word/document.xml`.
    public mutating func add(_ path: String, contentType: String, xml: XMLWriter) {
        add(path, contentType: contentType, data: Data(xml.text.utf8))
    }

    /// Adds a part with raw bytes.
    public mutating func add(_ path: String, contentType: String, data: Data) {
        parts.append(Part(path: path, contentType: contentType, data: data))
    }

    /// The package as ZIP bytes.
    public func archive() throws -> Data {
        try ZipWriter.archive([("[Content_Types].xml", contentTypes())] + parts.map { ($0.path, $0.data) })
    }

    /// `[Content_Types].xml`: defaults for relationships and XML, an override for every other part.
    private func contentTypes() -> Data {
        var xml = XMLWriter()
        xml.element("Types", [("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")]) { xml in
            xml.empty("Default", [("Extension", "rels"),
                                  ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")])
            xml.empty("Default", [("Extension", "xml"), ("ContentType", "application/xml")])
            for part in parts where !part.path.hasSuffix(".rels") {
                xml.empty("Override", [("PartName", "/" + part.path), ("ContentType", part.contentType)])
            }
        }
        return Data(xml.text.utf8)
    }
}

/// The relationships of one part (`_rels/.rels`, `word/_rels/document.xml.rels`…), with ids assigned in order.
public struct Relationships: Sendable {
    private var entries: [(id: String, type: String, target: String)] = []

    public init() {}

    /// Adds a relationship and returns its id (`rId1`, `rId2`…).
    @discardableResult
    public mutating func add(type: String, target: String) -> String {
        let id = "rId\(entries.count + 1)"
        entries.append((id, type, target))
        return id
    }

    /// The `.rels` part.
    public var xml: XMLWriter {
        var xml = XMLWriter()
        xml.element("Relationships", [("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships")]) { xml in
            for entry in entries {
                xml.empty("Relationship", [("Id", entry.id), ("Type", entry.type), ("Target", entry.target)])
            }
        }
        return xml
    }

    /// Relationship type URIs used by the writers.
    public enum Kind {
        static let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        public static let officeDocument = base + "officeDocument"
        public static let styles = base + "styles"
        public static let settings = base + "settings"
        public static let fontTable = base + "fontTable"
        public static let footer = base + "footer"
        public static let image = base + "image"
        public static let worksheet = base + "worksheet"
        public static let sharedStrings = base + "sharedStrings"
        public static let extendedProperties = base + "extended-properties"
        public static let coreProperties =
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
    }
}

/// The document properties every package carries (`docProps/core.xml`, `docProps/app.xml`).
public enum DocumentProperties {
    /// Adds both property parts and their package relationships.
    public static func add(title: String, to package: inout OfficePackage, relationships: inout Relationships) {
        var core = XMLWriter()
        core.element("cp:coreProperties", [
            ("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ]) { xml in
            xml.element("dc:title", text: title)
            xml.element("dc:creator", text: "Jixiao")
            xml.element("dc:language", text: "zh-CN")
        }
        package.add("docProps/core.xml", contentType: "application/vnd.openxmlformats-package.core-properties+xml",
                    xml: core)
        relationships.add(type: Relationships.Kind.coreProperties, target: "docProps/core.xml")
        var app = XMLWriter()
        app.element("Properties", [
            ("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"),
        ]) { xml in
            xml.element("Application", text: "Jixiao")
        }
        package.add("docProps/app.xml",
                    contentType: "application/vnd.openxmlformats-officedocument.extended-properties+xml", xml: app)
        relationships.add(type: Relationships.Kind.extendedProperties, target: "docProps/app.xml")
    }
}
