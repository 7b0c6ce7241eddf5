import Foundation
import JSON
import Testing

/// Hostile documents are refused quickly, with a position, instead of exhausting stack or memory.
@Suite struct JSONParserLimitTests {
    @Test func nestingDeeperThanTheLimitIsRefusedAtTheLevelPastIt() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        do {
            _ = try JSONParser.parse(text, limits: JSONParser.Limits(maxDepth: 64))
            Issue.record("accepted 100000 levels")
        } catch {
            #expect(error.position == JSONParser.SourcePosition(line: 1, column: 65), "\(error)")
            #expect(error.message.contains("nested more than 64 deep"), "\(error)")
        }
    }

    @Test func nestingAtTheLimitIsAccepted() throws {
        let text = String(repeating: "{\"a\": ", count: 63) + "[]" + String(repeating: "}", count: 63)
        let document = try JSONParser.parse(text, limits: JSONParser.Limits(maxDepth: 64))
        #expect(document.value.value(at: JSONPointer(Array(repeating: "a", count: 63))) == .array([]))
    }

    @Test func theStandardLimitStopsAHundredThousandLevels() {
        let text = String(repeating: "{\"a\":", count: 100_000)
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(text) }
    }

    @Test func aStringPastTheLengthCapIsRefusedAtItsStart() {
        let limits = JSONParser.Limits(maxStringLength: 8)
        #expect((try? JSONParser.parse(#"{"k": "12345678"}"#, limits: limits)) != nil)
        do {
            _ = try JSONParser.parse(#"{"k": "123456789"}"#, limits: limits)
            Issue.record("accepted a 9-character string")
        } catch {
            #expect(error.position == JSONParser.SourcePosition(line: 1, column: 7), "\(error)")
            #expect(error.message.contains("longer than 8 characters"), "\(error)")
        }
    }

    /// Duplicate keys were found by scanning the members: quadratic in an object's size.
    @Test func manyKeysParseInLinearTime() throws {
        let count = 100_000
        var text = "{"
        for index in 0..<count { text += "\"k\(index)\": \(index)," }
        text += "\"last\": 0}"
        let clock = ContinuousClock()
        let start = clock.now
        let document = try JSONParser.parse(text)
        let elapsed = clock.now - start
        guard case .object(let object) = document.value else {
            Issue.record("not an object")
            return
        }
        #expect(object.members.count == count + 1)
        // Linear: well under a second on one core; the scan took minutes.
        #expect(elapsed < .seconds(20), "\(elapsed)")
        do {
            _ = try JSONParser.parse(String(text.dropLast()) + ", \"k7\": 1}")
            Issue.record("accepted a duplicate key")
        } catch {
            #expect(error.message.contains("duplicate key \"k7\""), "\(error)")
        }
    }
}
