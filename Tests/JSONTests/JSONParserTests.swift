import JSON
import Testing

@Suite struct JSONParserTests {
    @Test func parsesNestedDocumentKeepingMemberOrder() throws {
        let document = try JSONParser.parse(
            #"{"z": 1, "a": [true, false, null], "m": {"x": -2.5e3, "s": "h\u00e9\n"}}"#)
        guard case .object(let object) = document.value else {
            Issue.record("not an object")
            return
        }
        #expect(object.keys == ["z", "a", "m"])
        #expect(document.value.value(at: JSONPointer(["m", "s"])) == .string("hé\n"))
        #expect(document.value.value(at: JSONPointer(["a", "1"])) == .bool(false))
        guard case .number(let number)? = document.value.value(at: JSONPointer(["m", "x"])) else {
            Issue.record("not a number")
            return
        }
        #expect(number.double == -2500 && !number.isInteger)
    }

    @Test func decodesSurrogatePairs() throws {
        let document = try JSONParser.parse(#""\ud83d\ude00""#)
        #expect(document.value == .string("😀"))
    }

    @Test func recordsPositionsOfKeysAndValues() throws {
        let text = "{\n  \"variants\": [\n    {\"label\": \"a\"},\n    {\"label\": 3}\n  ]\n}"
        let document = try JSONParser.parse(text)
        let pointer = JSONPointer(["variants", "1", "label"])
        #expect(document.position(of: pointer) == JSONParser.SourcePosition(line: 4, column: 6))
        #expect(document.position(of: pointer.appending("missing"))?.line == 4)
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9, "expected a quoted key"),
        ("{\"a\" 1}", 1, 6, "expected ':'"),
        ("[1 2]", 1, 4, "expected ',' or ']'"),
        ("{\n  \"a\": tru\n}", 2, 8, "invalid literal"),
        ("{\"a\": 01}", 1, 8, "leading zeros"),
        ("{\"a\": 1, \"a\": 2}", 1, 10, "duplicate key"),
        ("\"abc", 1, 5, "unterminated string"),
        ("{} x", 1, 4, "after the end"),
        ("", 1, 1, "found end of file"),
        ("[1.]", 1, 4, "after the decimal point"),
        ("\"\\x\"", 1, 2, "invalid escape"),
        ("// comment\n{}", 1, 1, "expected a value"),
    ])
    func rejectsMalformedInputWithLineAndColumn(text: String, line: Int, column: Int, fragment: String) {
        do {
            _ = try JSONParser.parse(text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.position == JSONParser.SourcePosition(line: line, column: column), "\(error)")
            #expect(error.message.contains(fragment), "\(error)")
        }
    }
}
