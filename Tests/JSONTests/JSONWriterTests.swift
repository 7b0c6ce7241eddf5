import JSON
import Testing

@Suite struct JSONWriterTests {
    @Test func prettyOutputIsStableAndRoundTrips() throws {
        let value: JSONValue = ["b": 1, "a": ["x": "q\"uote\\", "y": [1, 2.5, 3]], "c": [["k": true], .null]]
        let text = JSONWriter.pretty(value)
        #expect(
            text == """
                {
                  "b": 1,
                  "a": {
                    "x": "q\\"uote\\\\",
                    "y": [1, 2.5, 3]
                  },
                  "c": [
                    {
                      "k": true
                    },
                    null
                  ]
                }

                """)
        #expect(try JSONParser.parse(text).value == value)
        #expect(try JSONParser.parse(JSONWriter.compact(value)).value == value)
    }

    @Test func numbersUseShortestRoundTripText() {
        #expect(JSONWriter.compact(.float(0.1)) == "0.1")
        #expect(JSONWriter.compact(.double(0.1)) == "0.1")
        #expect(JSONWriter.compact(.float(3)) == "3")
        #expect(JSONWriter.compact(.double(1e-5)) == "1e-05")
        #expect(Double(JSONWriter.compact(.double(2.0 / 3))) == 2.0 / 3)
    }

    @Test func controlCharactersAreEscaped() {
        #expect(JSONWriter.compact(.string("a\u{01}\tb")) == #""a\u0001\tb""#)
    }
}
