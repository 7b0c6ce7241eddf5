import Testing

@testable import Plotting

@Suite struct RichTextTests {
    @Test func bracedScriptsAreMarkup() {
        let text = RichText("\u{03C3}_{w}\u{00B2} and \u{03BE}_{c}^{2}")
        #expect(
            text.runs == [
                .init(text: "\u{03C3}", shift: .none), .init(text: "w", shift: .lowered),
                .init(text: "\u{00B2} and \u{03BE}", shift: .none),
                .init(text: "c", shift: .lowered), .init(text: "2", shift: .raised),
            ])
        #expect(text.plainText == "\u{03C3}w\u{00B2} and \u{03BE}c2")
    }

    @Test func underscoresWithoutBracesPrintAsWritten() {
        #expect(RichText("he_normal x^2 a_{").runs == [.init(text: "he_normal x^2 a_{", shift: .none)])
        #expect(RichText("").runs == [.init(text: "", shift: .none)])
    }

    @Test func scriptsAreMeasuredSmallerThanTheirText() throws {
        let canvas = try RecordingCanvas()
        let plain = canvas.measure("xc", style: .label).width
        let lowered = canvas.measure("x_{c}", style: .label).width
        #expect(lowered < plain && lowered > canvas.measure("x", style: .label).width)
    }
}
