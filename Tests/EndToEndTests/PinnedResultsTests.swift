import Foundation
import Testing

/// Results do not depend on the build mode, the thread count or the run: two small specs whose
/// results.json hashes were recorded from a release build (`swift build -c release`, then
/// `initlab run`), checked here against the debug build the tests use. A change to the numerics
/// that alters results must update these hashes on purpose.
@Suite struct PinnedResultsTests {
    static let training = """
        {"id": "pinned", "title": "pinned", "kind": "training", "seed": 2024, "repeats": 1,
         "data": {"name": "synthetic", "classes": 4, "dimension": 20, "train_size": 256, "test_size": 64, "separation": 1.2},
         "network": {"depth": 3, "width": 24, "activation": "tanh", "initializer": "glorot-uniform", "batch_norm": true},
         "training": {"iterations": 40, "batch_size": 32, "optimizer": {"name": "adam", "learning_rate": 0.01}, "loss": "cross-entropy",
                      "statistics_every": 20, "evaluation_every": 20, "probe_size": 32},
         "variants": [{"label": "Glorot", "initializer": "glorot-uniform"}, {"label": "He", "initializer": "he-normal", "activation": "relu"}],
         "figures": [{"type": "loss"}]}
        """
    static let activations = """
        {"id": "pinned-activations", "title": "pinned", "kind": "activations", "seed": 77,
         "input": {"distribution": "uniform", "count": 200, "dimension": 30},
         "network": {"depth": 4, "width": 30, "activation": "gelu", "initializer": "orthogonal"},
         "variants": [{"label": "orthogonal", "initializer": "orthogonal"}, {"label": "truncated", "initializer": {"name": "truncated-normal", "std": 0.2}},
                      {"label": "LSUV", "initializer": {"name": "lsuv", "base": "orthogonal"}}],
         "histogram": {"bins": 12, "range": "auto"},
         "figures": [{"type": "histograms"}]}
        """

    static func sha256(_ data: Data) throws -> String {
        let workspace = try Workspace()
        try data.write(to: workspace.url.appendingPathComponent("blob"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [workspace.url.appendingPathComponent("blob").path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(text.prefix(64))
    }

    @Test(arguments: [
        (training, "pinned", "75692a46084d404be40af7567d998351c0190f2510a63342f6c7e58d311ec710"),
        (activations, "pinned-activations", "71df3e71dca1227761dbe6c849b5797555f9a5b3980f3ebc45bea0404d18408c"),
    ])
    func debugBuildMatchesTheReleaseHash(spec: String, id: String, releaseHash: String) throws {
        let workspace = try Workspace()
        try workspace.write("spec.json", spec)
        for threads in ["1", "2"] {
            let run = try CLI.run(["run", "spec.json", "--quiet", "--force", "--threads", threads], in: workspace.url)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(
                try Self.sha256(workspace.data("Reports/\(id)/results.json")) == releaseHash, "\(threads) thread(s)")
        }
    }
}
