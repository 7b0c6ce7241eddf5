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

    /// Six cells of a synthetic-data sweep, in the order they run (row by row): a row of three
    /// one-step cells (a few milliseconds each), then three cells of 100 steps (about a second
    /// each in a debug build). The kill comes once the quick row is stored, while the slow row
    /// runs: the slow cells keep it well away from the end whatever the machine's load.
    static let sweep = """
        {"id": "sweep", "title": "sweep", "kind": "sweep", "seed": 11,
         "base": {"data": {"name": "synthetic", "classes": 3, "dimension": 16, "train_size": 200, "test_size": 60, "separation": 1.5},
                  "network": {"depth": 2, "width": 32, "activation": "tanh",
                              "initializer": {"name": "variance-scaling", "scale": 1, "mode": "fan_in", "distribution": "untruncated-normal"}},
                  "training": {"iterations": 1, "batch_size": 32, "optimizer": {"name": "sgd", "learning_rate": 0.05},
                               "statistics_every": 1000, "evaluation_every": 0, "probe_size": 20}},
         "axes": [{"path": "/network/initializer/scale", "label": "σw²", "values": [0.5, 1, 2]},
                  {"path": "/training/iterations", "label": "iterations", "values": [1, 100]}],
         "metric": "test_accuracy",
         "figures": [{"type": "heatmap"}]}
        """

    /// The stored cells of a workspace's sweep store, by name, with what identifies each file
    /// on disk (inode and modification time), so a rewrite shows.
    static func storedCells(in workspace: Workspace, folder store: String = ".cache/sweeps") -> [String: String] {
        let folder = workspace.url.appendingPathComponent(store)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
            $0.hasSuffix(".json") && !$0.hasPrefix(".")
        }
        var cells: [String: String] = [:]
        for name in names {
            var status = stat()
            guard stat(folder.appendingPathComponent(name).path, &status) == 0 else { continue }
            cells[name] = "\(status.st_ino) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
        }
        return cells
    }

    @Test func killedSweepResumesWithoutRecomputingFinishedCells() throws {
        let workspace = try Workspace()
        try workspace.write("sweep.json", Self.sweep)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["run", "sweep.json", "--quiet", "--threads", "1"]
        process.currentDirectoryURL = workspace.url
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while Self.storedCells(in: workspace).count < 3 && process.isRunning && Date() < deadline { usleep(5_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the sweep ended before it was killed")
        let killed = Self.storedCells(in: workspace)
        #expect(killed.count >= 3 && killed.count < 6, "killed after \(killed.count) of 6 cells")
        #expect(!workspace.exists("Reports/sweep/results.json"), "nothing half-written")

        let resumed = try CLI.run(["run", "sweep.json", "--quiet"], in: workspace.url)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let page = try workspace.text("Reports/sweep/index.html")
        let reused = try #require(page.firstMatch(of: /(\d+) of 6 cells came from/)).1
        #expect(Int(reused) == killed.count, "\(reused) cells reused, \(killed.count) were stored")
        // Every stored cell was read, not recomputed and written again; the rest were added.
        let after = Self.storedCells(in: workspace)
        #expect(after.count == 6)
        for (name, identity) in killed { #expect(after[name] == identity, "\(name) was rewritten") }

        let clean = try Workspace()
        try clean.write("sweep.json", Self.sweep)
        #expect(try CLI.run(["run", "sweep.json", "--quiet"], in: clean.url).status == 0)
        #expect(try clean.data("Reports/sweep/results.json") == workspace.data("Reports/sweep/results.json"))
        #expect(try clean.text("Reports/sweep/index.html").contains("0 of 6 cells came from"))
        #expect(Set(Self.storedCells(in: clean).keys) == Set(after.keys), "the same cell keys")
    }
}
