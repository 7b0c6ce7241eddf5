import Foundation
import Testing

/// `initlab meanfield`, `initlab eoc`, and a sweep killed midway and resumed.
@Suite struct TheoryCommandTests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func close(_ value: Any?, _ expected: Double) -> Bool {
        guard let value = value as? Double else { return false }
        return abs(value - expected) <= 0.5e-5 * abs(expected)
    }

    /// The oracle values of theory.md to 6 significant digits.
    @Test func meanfieldPrintsTheOracleValues() throws {
        let workspace = try Workspace()
        let text = try CLI.run(
            ["meanfield", "--activation", "tanh", "--sigma-w2", "1.5", "--sigma-b2", "0.05"], in: workspace.url)
        #expect(text.status == 0)
        for expected in ["0.418037", "0.938636", "15.79099", "ordered"] {
            #expect(text.stdout.contains(expected), "\(text.stdout)")
        }
        let output = try CLI.run(
            ["meanfield", "--activation", "tanh", "--sigma-w2", "1.5", "--sigma-b2", "0.05", "--json"],
            in: workspace.url)
        let values = try Self.json(output.stdout)
        #expect(
            Self.close(values["q_star"], 0.418037) && Self.close(values["chi1"], 0.938636)
                && Self.close(values["xi_c"], 15.7910))
        #expect(values["phase"] as? String == "ordered")
        let selu = try Self.json(
            try CLI.run(
                ["meanfield", "--activation", "selu", "--sigma-w2", "1", "--sigma-b2", "0", "--json"], in: workspace.url
            ).stdout)
        #expect(
            Self.close(selu["q_star"], 1) && Self.close(selu["q_slope"], 0.782648) && Self.close(selu["chi1"], 1.07157))
        // Standard deviations are squared, and the output says so.
        let deviations = try CLI.run(
            ["meanfield", "--activation", "relu", "--sigma-w", "1.5", "--sigma-b", "0", "--json"], in: workspace.url)
        #expect(try Self.json(deviations.stdout)["sigma_w2"] as? Double == 2.25)
    }

    @Test func eocPrintsTheCriticalPointAndWhetherItAttracts() throws {
        let workspace = try Workspace()
        let tanh = try Self.json(
            try CLI.run(["eoc", "--activation", "tanh", "--sigma-b2", "0.05", "--json"], in: workspace.url).stdout)
        #expect(
            Self.close(tanh["sigma_w2"], 1.76095) && Self.close(tanh["q_star"], 0.570048)
                && tanh["attracting"] as? Bool == true)
        let swish = try CLI.run(["eoc", "--activation", "swish", "--sigma-b2", "0.04"], in: workspace.url)
        #expect(swish.status == 0 && swish.stdout.contains("repels"), "\(swish.stdout)")
    }

    @Test func impossibleQuestionsAreClearErrors() throws {
        let workspace = try Workspace()
        let unknown = try CLI.run(
            ["meanfield", "--activation", "tahn", "--sigma-w2", "1", "--sigma-b2", "0"], in: workspace.url)
        #expect(unknown.status != 0 && unknown.stderr.contains("tahn"))
        let negative = try CLI.run(
            ["meanfield", "--activation", "tanh", "--sigma-w2=-1", "--sigma-b2", "0"], in: workspace.url)
        #expect(negative.status != 0 && !negative.stderr.contains("Fatal error"))
        let relu = try CLI.run(["eoc", "--activation", "relu", "--sigma-b2", "0.05"], in: workspace.url)
        #expect(relu.status != 0 && relu.stderr.contains("no edge of chaos"), "\(relu.stderr)")
    }

    /// 24 cells of a synthetic-data sweep: killed once some cells are stored, resumed, and the
    /// result is byte-identical to an uninterrupted run.
    static let sweep = """
        {"id": "sweep", "title": "sweep", "kind": "sweep", "seed": 11,
         "base": {"data": {"name": "synthetic", "classes": 3, "dimension": 16, "train_size": 400, "test_size": 100, "separation": 1.5},
                  "network": {"depth": 2, "width": 32, "activation": "tanh",
                              "initializer": {"name": "variance-scaling", "scale": 1, "mode": "fan_in", "distribution": "untruncated-normal"}},
                  "training": {"iterations": 300, "batch_size": 32, "optimizer": {"name": "sgd", "learning_rate": 0.05},
                               "statistics_every": 300, "evaluation_every": 0, "probe_size": 20}},
         "axes": [{"path": "/network/initializer/scale", "label": "σw²", "values": [0.5, 1, 1.5, 2, 3, 4]},
                  {"path": "/network/depth", "label": "depth", "values": [2, 4, 8, 16]}],
         "metric": "test_accuracy",
         "figures": [{"type": "heatmap"}]}
        """

    @Test func killedSweepResumesWithoutRecomputingFinishedCells() throws {
        let workspace = try Workspace()
        try workspace.write("sweep.json", Self.sweep)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["run", "sweep.json", "--quiet", "--threads", "1"]
        process.currentDirectoryURL = workspace.url
        try process.run()
        let cells = workspace.url.appendingPathComponent(".cache/sweeps")
        func stored() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: cells.path)) ?? []).filter {
                $0.hasSuffix(".json") && !$0.hasPrefix(".")
            }
        }
        let deadline = Date().addingTimeInterval(300)
        while stored().count < 3 && process.isRunning && Date() < deadline { usleep(20_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let finished = stored().count
        #expect(finished >= 3 && finished < 24, "killed after \(finished) of 24 cells")
        #expect(!workspace.exists("Reports/sweep/results.json"), "nothing half-written")

        let resumed = try CLI.run(["run", "sweep.json", "--quiet"], in: workspace.url)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let page = try workspace.text("Reports/sweep/index.html")
        let reused = try #require(page.firstMatch(of: /(\d+) of 24 cells came from/)).1
        #expect(Int(reused)! >= finished, "\(reused) cells reused, \(finished) were stored")

        let clean = try Workspace()
        try clean.write("sweep.json", Self.sweep)
        #expect(try CLI.run(["run", "sweep.json", "--quiet"], in: clean.url).status == 0)
        #expect(try clean.data("Reports/sweep/results.json") == workspace.data("Reports/sweep/results.json"))
        #expect(try clean.text("Reports/sweep/index.html").contains("0 of 24 cells came from"))
    }
}
