/// Writes ``JSONValue`` as text: pretty with two-space indentation, members in their given order, so the same
/// value always gives the same bytes.
extension JSONValue {
    /// The value as pretty-printed JSON text ending without a newline.
    public func serialized() -> String { serialized(indentation: 0) }

    /// The value pretty-printed as if it stood `indentation` spaces deep (its first line is not indented).
    func serialized(indentation: Int) -> String {
        var output = ""
        write(to: &output, indent: indentation)
        return output
    }

    /// The value as JSON on one line, without spaces: a line of a JSON Lines file.
    public func serializedLine() -> String {
        var output = ""
        writeLine(to: &output)
        return output
    }

    private func writeLine(to output: inout String) {
        switch self {
        case .null, .bool, .number, .string: write(to: &output, indent: 0)
        case .array(let elements):
            output += "["
            for (offset, element) in elements.enumerated() {
                if offset > 0 { output += "," }
                element.writeLine(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (offset, member) in members.enumerated() {
                if offset > 0 { output += "," }
                JSONValue.writeString(member.key, to: &output)
                output += ":"
                member.value.writeLine(to: &output)
            }
            output += "}"
        }
    }

    /// Appends the value pretty-printed at an indentation to `output`.
    func write(to output: inout String, indent: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let literal): output += literal
        case .string(let text): JSONValue.writeString(text, to: &output)
        case .array(let elements):
            guard !elements.isEmpty else { output += "[]"; return }
            output += "[\n"
            for (offset, element) in elements.enumerated() {
                output += String(repeating: " ", count: indent + 2)
                element.write(to: &output, indent: indent + 2)
                output += offset == elements.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{\n"
            for (offset, member) in members.enumerated() {
                output += String(repeating: " ", count: indent + 2)
                JSONValue.writeString(member.key, to: &output)
                output += ": "
                member.value.write(to: &output, indent: indent + 2)
                output += offset == members.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "}"
        }
    }

    /// Writes a JSON string literal; non-ASCII text is kept as UTF-8. Runs without anything to escape are copied
    /// whole, which is nearly always the entire string.
    static func writeString(_ text: String, to output: inout String) {
        output += "\""
        let utf8 = text.utf8
        var runStart = utf8.startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 {
                output += text[runStart..<index]
                switch byte {
                case UInt8(ascii: "\""): output += "\\\""
                case UInt8(ascii: "\\"): output += "\\\\"
                case UInt8(ascii: "\n"): output += "\\n"
                case UInt8(ascii: "\r"): output += "\\r"
                case UInt8(ascii: "\t"): output += "\\t"
                default:
                    let hex = String(byte, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
                runStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        output += text[runStart..<utf8.endIndex]
        output += "\""
    }
}
