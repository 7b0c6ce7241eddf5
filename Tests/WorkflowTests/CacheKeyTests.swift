import Foundation
import Spec
import Testing

@testable import Workflow

/// The report cache key covers every input of the figure bytes; the cell key, what a cell's
/// stored value measures.
@Suite struct CacheKeyTests {
    static func spec() throws -> ExperimentSpec {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("initlab-key-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(
            """
            {"id": "k", "title": "k", "kind": "activations", "seed": 1,
             "input": {"distribution": "normal", "count": 8, "dimension": 4},
             "network": {"depth": 1, "width": 4, "activation": "tanh", "initializer": "glorot-normal"}}
            """.utf8
        ).write(to: url)
        return try SpecLoader.load(path: url.path)
    }

    static func rendering(
        cairo: String = "1.16.0", freetype: String = "2.12.1", pixman: String = "0.42.2", font: String = "aa",
        bold: String = "bb", library: String = "cc"
    ) -> RenderingEnvironment {
        RenderingEnvironment(
            cairo: cairo, freetype: freetype, pixman: pixman, fontFile: "/f/DejaVuSans.ttf", fontSHA256: font,
            boldFontFile: "/f/DejaVuSans-Bold.ttf", boldFontSHA256: bold,
            libraries: [(path: "/lib/libpng16.so.16.39.0", sha256: library)])
    }

    @Test func everyRenderingInputChangesTheReportKey() throws {
        let spec = try Self.spec()
        let base = CacheKey.report(spec: spec, dataHashes: [], rendering: Self.rendering())
        #expect(base == CacheKey.report(spec: spec, dataHashes: [], rendering: Self.rendering()))
        let changed = [
            Self.rendering(cairo: "1.18.0"), Self.rendering(freetype: "2.13.0"), Self.rendering(pixman: "0.44.0"),
            Self.rendering(font: "other font"), Self.rendering(bold: "other bold"), Self.rendering(library: "patched"),
        ]
        for rendering in changed {
            #expect(
                CacheKey.report(spec: spec, dataHashes: [], rendering: rendering) != base, "\(rendering.keyedInputs)")
        }
        #expect(CacheKey.report(spec: spec, dataHashes: ["d"], rendering: Self.rendering()) != base)
    }

    @Test func theRunningStackIsHashed() {
        let current = RenderingEnvironment.current
        #expect(current.fontSHA256.count == 64 && current.boldFontSHA256.count == 64)
        let names = current.libraries.map { ($0.path as NSString).lastPathComponent }
        for library in ["libcairo.so", "libpng16.so", "libz.so", "libfreetype.so", "libpixman-1.so"] {
            #expect(names.contains { $0.hasPrefix(library) }, "\(library) not among \(names)")
        }
    }
}
