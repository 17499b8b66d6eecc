/// A small, strict XML scanner for the parts of Office files that come from outside. It reports start tags with
/// their attributes, text (entities decoded) and end tags, checks that tags nest, and refuses DTDs, malformed
/// markup and invalid UTF-8 with an error — never a crash, whatever the bytes. (Foundation's XMLParser on Linux
/// traps on some malformed input, which the fuzz tests found; untrusted files do not go near it.)
struct XMLScanner {
    /// Receives the document's events.
    protocol Handler {
        mutating func start(_ name: Substring, _ attributes: [(name: Substring, value: String)])
        mutating func text(_ text: String)
        mutating func end(_ name: Substring)
    }

    struct Failure: Error, Equatable {
        let offset: Int
        let reason: String
    }

    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Scans the whole document.
    static func scan<H: Handler>(_ bytes: [UInt8], into handler: inout H) throws(Failure) {
        guard String(validating: bytes, as: UTF8.self) != nil else { throw Failure(offset: 0, reason: "invalid UTF-8") }
        var scanner = XMLScanner(bytes)
        try scanner.run(&handler)
    }

    private mutating func run<H: Handler>(_ handler: inout H) throws(Failure) {
        var open: [Substring] = []
        var sawRoot = false
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < bytes.count {
            if bytes[index] != UInt8(ascii: "<") {
                let start = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
                let raw = bytes[start..<index]
                if open.isEmpty {
                    guard raw.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
                        throw fail("text outside the root element")
                    }
                } else {
                    handler.text(try decode(raw, at: start))
                }
                continue
            }
            if starts(with: "<?") {
                try skip(past: "?>")
            } else if starts(with: "<!--") {
                try skip(past: "-->")
            } else if starts(with: "<![CDATA[") {
                guard !open.isEmpty else { throw fail("CDATA outside the root element") }
                index += 9
                let start = index
                try skip(past: "]]>")
                handler.text(String(decoding: bytes[start..<(index - 3)], as: UTF8.self))
            } else if starts(with: "<!") {
                throw fail("declarations (DTD) are refused")
            } else if starts(with: "</") {
                index += 2
                let name = try self.name()
                skipSpace()
                try expect(UInt8(ascii: ">"))
                guard open.last == name else { throw fail("</\(name)> does not close <\(open.last ?? "")>") }
                open.removeLast()
                handler.end(name)
            } else {
                index += 1
                guard !(open.isEmpty && sawRoot) else { throw fail("a second root element") }
                let name = try self.name()
                var attributes: [(name: Substring, value: String)] = []
                while true {
                    skipSpace()
                    guard index < bytes.count else { throw fail("unterminated tag <\(name)") }
                    if bytes[index] == UInt8(ascii: "/") {
                        index += 1
                        try expect(UInt8(ascii: ">"))
                        handler.start(name, attributes)
                        handler.end(name)
                        break
                    }
                    if bytes[index] == UInt8(ascii: ">") {
                        index += 1
                        handler.start(name, attributes)
                        open.append(name)
                        break
                    }
                    let attribute = try self.name()
                    skipSpace()
                    try expect(UInt8(ascii: "="))
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'")
                    else { throw fail("attribute \(attribute) without a quoted value") }
                    let quote = bytes[index]
                    index += 1
                    let start = index
                    while index < bytes.count, bytes[index] != quote {
                        guard bytes[index] != UInt8(ascii: "<") else { throw fail("'<' in an attribute value") }
                        index += 1
                    }
                    guard index < bytes.count else { throw fail("unterminated attribute value") }
                    let value = try decode(bytes[start..<index], at: start)
                    index += 1
                    attributes.append((attribute, value))
                }
                sawRoot = true
            }
        }
        guard open.isEmpty, sawRoot else { throw fail(open.isEmpty ? "no root element" : "<\(open.last!)> never closed") }
    }

    private func fail(_ reason: String) -> Failure { Failure(offset: index, reason: reason) }

    private func starts(with prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard bytes.count - index >= count else { return false }
        return prefix.withUTF8Buffer { buffer in buffer.elementsEqual(bytes[index..<(index + count)]) }
    }

    private mutating func skip(past terminator: StaticString) throws(Failure) {
        while index < bytes.count {
            if starts(with: terminator) {
                index += terminator.utf8CodeUnitCount
                return
            }
            index += 1
        }
        throw fail("unterminated \(terminator)")
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func expect(_ byte: UInt8) throws(Failure) {
        guard index < bytes.count, bytes[index] == byte else { throw fail("expected '\(Character(UnicodeScalar(byte)))'") }
        index += 1
    }

    /// A tag or attribute name: letters, digits and `_ : - .`, and any non-ASCII character.
    private mutating func name() throws(Failure) -> Substring {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            let isNameByte = byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
                || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x3A || byte == 0x2D || byte == 0x2E
            guard isNameByte else { break }
            index += 1
        }
        guard index > start else { throw fail("expected a name") }
        return Substring(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    /// Text with the five predefined entities and character references decoded.
    private func decode(_ raw: ArraySlice<UInt8>, at offset: Int) throws(Failure) -> String {
        guard raw.contains(UInt8(ascii: "&")) else { return String(decoding: raw, as: UTF8.self) }
        var result = String.UnicodeScalarView()
        var position = raw.startIndex
        while position < raw.endIndex {
            guard raw[position] == UInt8(ascii: "&") else {
                let start = position
                while position < raw.endIndex, raw[position] != UInt8(ascii: "&") { position += 1 }
                result.append(contentsOf: String(decoding: raw[start..<position], as: UTF8.self).unicodeScalars)
                continue
            }
            guard let semicolon = raw[position...].firstIndex(of: UInt8(ascii: ";")), semicolon - position <= 10 else {
                throw Failure(offset: position, reason: "an unterminated entity")
            }
            let entity = String(decoding: raw[(position + 1)..<semicolon], as: UTF8.self)
            let scalar: Unicode.Scalar?
            switch entity {
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "amp": scalar = "&"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if entity.hasPrefix("#") {
                    scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init)
                } else {
                    scalar = nil
                }
            }
            guard let scalar else { throw Failure(offset: position, reason: "unknown entity &\(entity);") }
            result.append(scalar)
            position = semicolon + 1
        }
        return String(result)
    }
}
