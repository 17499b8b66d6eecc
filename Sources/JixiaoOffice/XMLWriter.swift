/// Builds well-formed XML text: elements nest through closures, text and attribute values are escaped, and
/// characters XML 1.0 cannot carry are dropped. Output is deterministic: attributes keep their given order.
public struct XMLWriter: Sendable {
    /// The document so far, starting with the XML declaration.
    public private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    public init() {}

    /// An element with content written by `content`.
    public mutating func element(_ name: String, _ attributes: [(String, String)] = [],
                                 _ content: (inout XMLWriter) -> Void) {
        openTag(name, attributes)
        text += ">"
        content(&self)
        text += "</\(name)>"
    }

    /// An element holding only text (an empty element when the text is empty and `keepEmpty` is false).
    public mutating func element(_ name: String, _ attributes: [(String, String)] = [], text content: String) {
        openTag(name, attributes)
        text += ">"
        text += XMLWriter.escape(content, quotes: false)
        text += "</\(name)>"
    }

    /// An element without content.
    public mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
        openTag(name, attributes)
        text += "/>"
    }

    private mutating func openTag(_ name: String, _ attributes: [(String, String)]) {
        text += "<" + name
        for (key, value) in attributes { text += " \(key)=\"\(XMLWriter.escape(value, quotes: true))\"" }
    }

    /// Escapes markup characters and drops characters not allowed in XML 1.0.
    public static func escape(_ value: String, quotes: Bool) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value): continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
