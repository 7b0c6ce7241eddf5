import Figures
import Foundation
import Report
import Run
import Spec

/// A real, small report: a spec run and drawn (Cairo), with fixed provenance.
enum ReportFixture {
    static func spec(id: String = "small", title: String = "Small tanh network", extra: String = "") -> String {
        """
        {"id": "\(id)", "title": "\(title)", "kind": "activations", "seed": 3,\(extra)
         "description": "Two variants & a <b>bold</b> claim.",
         "input": {"distribution": "normal", "count": 32, "dimension": 8},
         "network": {"depth": 2, "width": 8, "activation": "tanh", "initializer": "glorot-normal"},
         "variants": [{"label": "Glorot", "initializer": "glorot-normal"}, {"label": "std 1", "initializer": {"name": "normal", "std": 1}}],
         "histogram": {"bins": 5, "range": [-1, 1]},
         "figures": [{"type": "histograms", "size": "column"}]}
        """
    }

    static let provenance = Provenance(
        toolVersion: "0.1.0", gitCommit: nil, gitDirty: nil, swiftVersion: "Swift 6.3.1", operatingSystem: "Debian",
        buildConfiguration: "debug", threads: 2, cairoVersion: "1.16.0", freetypeVersion: "2.12.1",
        pixmanVersion: "0.42.2", fontFile: "/f.ttf", fontSHA256: String(repeating: "a", count: 64),
        dataFiles: [.init(path: "/data/x.idx", sha256: String(repeating: "b", count: 64))], specFile: "small.json",
        specFileSHA256: String(repeating: "c", count: 64), seedOverridden: false,
        rerunCommand: "initlab run small.json",
        wallTimeSeconds: 0.12345)

    static func content(id: String = "small", title: String = "Small tanh network", extra: String = "") throws
        -> ReportContent
    {
        let spec = try SpecLoader.parse(Self.spec(id: id, title: title, extra: extra), file: "\(id).json")
        let result = try ExperimentRunner.run(spec)
        return ReportContent(
            spec: spec, result: result, figures: try FigureFactory.render(spec.figures, for: result),
            provenance: provenance, cacheKey: String(repeating: "d", count: 64))
    }

    /// A scratch folder, removed when released.
    final class Scratch {
        let url: URL

        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("initlab-report-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: url) }
    }
}
