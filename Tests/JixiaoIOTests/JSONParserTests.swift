import Foundation
import Testing
@testable import JixiaoIO

@Suite struct JSONParserTests {
    private func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(Data(text.utf8)) }

    @Test func numbersKeepTheirLiteralText() throws {
        let value = try parse(#"{"a": 864.40, "b": -0.5e3, "c": 10}"#)
        #expect(value["a"] == .number("864.40"))
        #expect(value["b"] == .number("-0.5e3"))
        #expect(value["c"] == .number("10"))
    }

    @Test func stringsDecodeEscapesAndSurrogatePairs() throws {
        let value = try parse(#"["a\"b\\c\n", "\u7ee9\u6548", "\ud83d\ude00", "科协"]"#)
        #expect(value == .array([.string("a\"b\\c\n"), .string("绩效"), .string("😀"), .string("科协")]))
    }

    @Test func membersKeepTheirOrder() throws {
        guard case .object(let members) = try parse(#"{"z": 1, "a": 2, "m": null}"#) else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["z", "a", "m"])
    }

    @Test("syntax errors name line and column", arguments: [
        ("{\"a\": 1,}", 1, 9), ("{\n  \"a\": tru\n}", 2, 8), ("[1 2]", 1, 4), ("{\"a\": 01}", 1, 7), ("", 1, 1),
        ("\"abc", 1, 5), ("{} x", 1, 4),
    ])
    func syntaxErrors(text: String, line: Int, column: Int) {
        #expect {
            try parse(text)
        } throws: { error in
            guard let error = error as? JSONSyntaxError else { return false }
            return error.line == line && error.column == column
        }
    }

    @Test func writerEscapesAndRoundTrips() throws {
        let value: JSONValue = .object(["text": .string("引号\"\n\u{01}"), "n": .number("1.50"), "ok": .bool(true),
                                        "list": .array([]), "none": .null])
        let text = value.serialized()
        #expect(text.contains(#""text": "引号\"\n\u0001""#))
        #expect(try parse(text) == value)
    }
}
