import Foundation
import Spec
import Testing

/// The `narrative` key: inline or from a file beside the spec, and every name in it checked.
@Suite struct SpecNarrativeTests {
    static func spec(narrative: String, references: String = #"["he2015"]"#) -> String {
        """
        {"id": "nar", "title": "nar", "kind": "activations", "seed": 1, "references": \(references),
         "input": {"distribution": "uniform", "count": 20, "dimension": 8},
         "network": {"depth": 3, "width": 8, "activation": "tanh", "initializer": "orthogonal"},
         "variants": [{"label": "o", "initializer": "orthogonal"}],
         "figures": [{"type": "histograms"}, {"type": "histograms", "name": "second"}],
         "narrative": \(narrative)}
        """
    }

    static func problem(_ text: String, file: String = "nar.json") -> String? {
        do {
            _ = try SpecLoader.parse(text, file: file)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func inlineNarrativeWithValidNamesLoads() throws {
        let text = #""See @fig-histograms and @fig-nar-second, $$x$$ {#eq-a} @eq-a [@he2015]. $\\frac{1}{2}$""#
        let spec = try SpecLoader.parse(Self.spec(narrative: text), file: "nar.json")
        #expect(spec.narrative.hasPrefix("See @fig-histograms"))
    }

    @Test(arguments: [
        (#""@fig-histogram""#, "unknown cross-reference @fig-histogram", "did you mean \"@fig-histograms\""),
        (#""@eq-x""#, "unknown cross-reference @eq-x", nil),
        (#""[@he2016]""#, "unknown citation [@he2016]", "did you mean \"he2015\""),
        (#""$\\fracc{1}{2}$""#, "unsupported TeX \\fracc", "did you mean \"\\frac\""),
        (#""a[^n]""#, "footnote [^n] has no text", nil),
    ])
    func unknownNamesAreRefusedWithThePath(narrative: String, message: String, suggestion: String?) throws {
        let error = try #require(Self.problem(Self.spec(narrative: narrative)))
        #expect(error.hasPrefix("nar.json: /narrative (line 6"), "\(error)")
        #expect(error.contains(message), "\(error)")
        if let suggestion { #expect(error.contains(suggestion), "\(error)") }
    }

    @Test func aNarrativeFileBesideTheSpecIsInlined() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "# Why\n\nSee @fig-histograms.\n".write(
            to: folder.appendingPathComponent("nar.md"), atomically: true, encoding: .utf8)
        let path = folder.appendingPathComponent("nar.json").path
        try Self.spec(narrative: #"{"file": "nar.md"}"#).write(toFile: path, atomically: true, encoding: .utf8)
        let spec = try SpecLoader.load(path: path)
        #expect(spec.narrative == "# Why\n\nSee @fig-histograms.\n")
        // The spec as run carries the text, so spec.json reruns without the file.
        #expect(spec.canonicalText.contains(##""narrative":"# Why\n\nSee @fig-histograms.\n""##))
        try Self.spec(narrative: #"{"file": "missing.md"}"#).write(toFile: path, atomically: true, encoding: .utf8)
        let error = try #require(Self.problem(try String(contentsOfFile: path, encoding: .utf8), file: path))
        #expect(error.contains("/narrative/file") && error.contains("cannot read the narrative file"), "\(error)")
    }

    @Test func aReferenceURLMustBeAWebLink() throws {
        let references =
            #"[{"key": "x", "authors": "A", "title": "T", "venue": "V", "year": 2000, "url": "javascript:alert(1)"}]"#
        let error = try #require(Self.problem(Self.spec(narrative: #""""#, references: references)))
        #expect(error.contains("/references/0/url") && error.contains("http(s) URL"), "\(error)")
    }
}
