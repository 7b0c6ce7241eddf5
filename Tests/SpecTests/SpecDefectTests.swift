import Foundation
import JSON
import Spec
import Testing

/// Specs that validation used to accept and then mishandle (issue 9): each must be refused with
/// the JSON path of the problem, or run as the spec says.
@Suite struct SpecDefectTests {
    static func problem(_ text: String) -> String? {
        do {
            _ = try SpecLoader.parse(text, file: "defect.json")
            return nil
        } catch {
            return error.description
        }
    }

    static let meanFieldHeader = #""id": "mf", "title": "mf", "kind": "meanfield", "seed": 1"#

    @Test func aMeanFieldSpecNeedsASection() throws {
        let message = try #require(Self.problem("{\(Self.meanFieldHeader)}"))
        #expect(message.hasPrefix("defect.json: /"), "\(message)")
        #expect(message.contains("at least one of the sections") && message.contains("\"phase_diagram\""), "\(message)")
    }

    @Test(arguments: [
        (#""sigma_w2": [-1, 2], "sigma_b2": [0, 1]"#, "/phase_diagram/sigma_w2"),
        (#""sigma_w2": [0, 2], "sigma_b2": [0, 1]"#, "/phase_diagram/sigma_w2"),
        (#""sigma_w2": [1, 2], "sigma_b2": [-0.5, 1]"#, "/phase_diagram/sigma_b2"),
    ])
    func varianceRangesCannotBeNegative(ranges: String, pointer: String) throws {
        let spec = "{\(Self.meanFieldHeader), \"phase_diagram\": {\"activation\": \"tanh\", \(ranges)}}"
        let message = try #require(Self.problem(spec))
        #expect(message.contains("defect.json: \(pointer)") && message.contains("variance range"), "\(message)")
    }

    @Test func aFigureWithoutItsSectionIsBlamedOnTheFigure() throws {
        let spec = """
            {\(Self.meanFieldHeader), "depth_scales": {"activation": "tanh", "sigma_b2": 0.05, "sigma_w2": [1, 2]},
             "figures": [{"type": "depth-scales"}, {"type": "phase-diagram"}]}
            """
        let message = try #require(Self.problem(spec))
        #expect(message.contains("/figures/1") && message.contains("\"phase_diagram\""), "\(message)")
    }

    @Test func aNumberBeyondDoubleSaysSo() throws {
        let spec = """
            {\(Self.meanFieldHeader), "depth_scales": {"activation": "tanh", "sigma_b2": 1e400, "sigma_w2": [1, 2]}}
            """
        let message = try #require(Self.problem(spec))
        #expect(message.contains("/depth_scales/sigma_b2") && message.contains("overflows"), "\(message)")
        #expect(!message.contains("found a number"), "\(message)")
    }

    static func sweep(id: String = "sw", axisPath: String = "/network/depth") -> String {
        """
        {"id": "\(id)", "title": "sweep", "kind": "sweep", "seed": 3,
         "base": {"data": {"name": "synthetic", "train_size": 64, "test_size": 16},
                  "network": {"depth": 2, "width": 8, "activation": "tanh", "initializer": "glorot-uniform"},
                  "training": {"iterations": 4, "batch_size": 16}},
         "axes": [{"path": "/network/width", "label": "width", "values": [4, 8]},
                  {"path": "\(axisPath)", "label": "depth", "values": [1, 2]}]}
        """
    }

    @Test(arguments: ["/", "network/depth", "/network/~2depth"])
    func aBadAxisPathIsBlamedOnItsOwnAxis(path: String) throws {
        let message = try #require(Self.problem(Self.sweep(axisPath: path)))
        #expect(message.hasPrefix("defect.json: /axes/1/path"), "\(message)")
    }

    @Test func theLongestDocumentedSweepIdIsAccepted() throws {
        let id = String(repeating: "s", count: 64)
        #expect(Self.problem(Self.sweep(id: id)) == nil)
    }

    @Test(arguments: ["test_images", "test_labels"])
    func halfATestPairIsRefused(key: String) throws {
        let spec = """
            {"id": "t", "title": "t", "kind": "training", "seed": 1,
             "data": {"name": "idx", "train_images": "a", "train_labels": "b", "\(key)": "c"},
             "network": {"depth": 1, "width": 4, "activation": "relu", "initializer": "he-normal"},
             "training": {"iterations": 1}}
            """
        let message = try #require(Self.problem(spec))
        #expect(message.hasPrefix("defect.json: /data/\(key)"), "\(message)")
    }

    static let activationsBody = """
        "input": {"distribution": "normal", "count": 8, "dimension": 4},
        "network": {"depth": 2, "width": 4, "activation": "tanh", "initializer": "he-normal"}
        """

    static func activations(seed: String = "1", extra: String = "") -> String {
        #"{"id": "a", "title": "a", "kind": "activations", "seed": \#(seed), \#(activationsBody)\#(extra)}"#
    }

    /// Seeds are 64-bit unsigned from the spec to the run: 2^63 and above used to trap.
    @Test func seedsUseAllSixtyFourBits() throws {
        let spec = try SpecLoader.parse(Self.activations(seed: "18446744073709551615"), file: "defect.json")
        #expect(spec.seed == UInt64.max)
        #expect(spec.canonicalText.contains(#""seed":18446744073709551615"#))
        let reseeded = try spec.withSeed(1 << 63)
        #expect(reseeded.seed == 1 << 63)
        #expect(reseeded.canonicalText.contains(#""seed":9223372036854775808"#))
    }

    @Test(arguments: ["18446744073709551616", "-1", "1.5"])
    func seedsOutsideSixtyFourBitsAreRefused(seed: String) throws {
        let message = try #require(Self.problem(Self.activations(seed: seed)))
        #expect(message.hasPrefix("defect.json: /seed"), "\(message)")
        #expect(message.contains("expected an integer from 0 to 18446744073709551615"), "\(message)")
    }

    /// Bins and grid steps too narrow to tell apart crashed the figure's axis labels.
    @Test(arguments: [
        (
            #", "histogram": {"bins": 10, "range": [0, 1e-30]}"#, "/histogram/range",
            "10 bins of [0.0, 1e-30] are 1e-31 wide; each must be at least 1e-12"
        ),
        (#", "histogram": {"bins": 2, "range": [1, 1.0000000000000002]}"#, "/histogram/range", "2 bins"),
        (#", "histogram": {"bins": 4, "range": [-1e308, 1.7e308]}"#, "/histogram/range", "overflows"),
    ])
    func histogramBinsMustBeRepresentable(extra: String, pointer: String, fragment: String) throws {
        let message = try #require(Self.problem(Self.activations(extra: extra)))
        #expect(message.hasPrefix("defect.json: \(pointer)"), "\(message)")
        #expect(message.contains(fragment), "\(message)")
        #expect(Self.problem(Self.activations(extra: #", "histogram": {"bins": 10, "range": [0, 1e-9]}"#)) == nil)
    }

    @Test(arguments: [
        (
            #""phase_diagram": {"activation": "tanh", "sigma_w2": [1, 1.000000000001], "sigma_b2": [0, 1]}"#,
            "/phase_diagram/sigma_w2", "grid columns"
        ),
        (
            #""phase_diagram": {"activation": "tanh", "sigma_w2": [1, 2], "sigma_b2": [0, 1e-30]}"#,
            "/phase_diagram/sigma_b2", "grid rows"
        ),
        (
            #""depth_scales": {"activation": "tanh", "sigma_b2": 0.05, "sigma_w2": [1e-30, 2e-30]}"#,
            "/depth_scales/sigma_w2", "point intervals"
        ),
    ])
    func meanFieldGridStepsMustBeRepresentable(section: String, pointer: String, fragment: String) throws {
        let message = try #require(Self.problem("{\(Self.meanFieldHeader), \(section)}"))
        #expect(message.hasPrefix("defect.json: \(pointer)"), "\(message)")
        #expect(message.contains(fragment), "\(message)")
    }

    /// A 240-character figure name was accepted, and the run failed writing its file at the end.
    @Test(arguments: [String(repeating: "f", count: 240), "a/b", "a\\u0000b", ".."])
    func aFigureNameMustBeAFileName(name: String) throws {
        let message = try #require(
            Self.problem(Self.activations(extra: #", "figures": [{"type": "histograms", "name": "\#(name)"}]"#)))
        #expect(message.hasPrefix("defect.json: /figures/0/name"), "\(message)")
        #expect(
            message.contains("up to 64 lower-case letters") || message.contains("at most 64 characters, found 240"),
            "\(message)")
        let longest = String(repeating: "f", count: 64)
        #expect(
            Self.problem(Self.activations(extra: #", "figures": [{"type": "histograms", "name": "\#(longest)"}]"#))
                == nil)
    }

    /// The documented 64 characters hold for ids, with no suffix eating into them.
    @Test func aSixtyFiveCharacterIdIsRefusedWithTheLimit() throws {
        let id = String(repeating: "s", count: 65)
        let message = try #require(Self.problem(Self.sweep(id: id)))
        #expect(message.hasPrefix("defect.json: /id") && message.contains("up to 64"), "\(message)")
    }

    static func reference(url: String) -> String {
        let escaped = url.replacingOccurrences(of: "\t", with: "\\t")
        return Self.activations(
            extra:
                #", "references": [{"key": "k", "authors": "A", "title": "T", "venue": "V", "year": 2020, "url": "\#(escaped)"}]"#
        )
    }

    /// A `javascript:` reference URL was written as a link that ran when clicked.
    @Test(arguments: [
        "javascript:alert(1)", "JAVASCRIPT:alert(1)", "java\tscript:alert(1)", "data:text/html,x", " https://a",
    ])
    func referenceURLsAreHTTPOrRelative(url: String) throws {
        let message = try #require(Self.problem(Self.reference(url: url)))
        #expect(message.hasPrefix("defect.json: /references/0/url"), "\(message)")
        #expect(message.contains("expected an http(s) URL, a relative path or a #fragment"), "\(message)")
    }

    @Test(arguments: ["https://arxiv.org/abs/1502.01852", "http://example.org/a?b#c", "notes/paper.pdf"])
    func safeReferenceURLsAreAccepted(url: String) {
        #expect(Self.problem(Self.reference(url: url)) == nil)
    }
}
