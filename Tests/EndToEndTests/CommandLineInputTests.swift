import Foundation
import Testing

/// Command-line values at the edges of their ranges (issue 9): answered with the real reason, or
/// run as asked.
@Suite struct CommandLineInputTests {
    @Test(arguments: [["--sigma-w2", "-1"], ["--sigma-w2=-1"], ["--sigma-w", "-0.5"]])
    func negativeVariancesAreRefusedWithTheReason(option: [String]) throws {
        let workspace = try Workspace()
        let output = try CLI.run(
            ["meanfield", "--activation", "tanh"] + option + ["--sigma-b2", "0"], in: workspace.url)
        #expect(output.status != 0)
        #expect(output.stderr.contains("cannot be negative"), "\(output.stderr)")
        #expect(!output.stderr.contains("Missing value"), "\(output.stderr)")
        let eoc = try CLI.run(["eoc", "--activation", "tanh", "--sigma-b2", "-0.1"], in: workspace.url)
        #expect(eoc.status != 0 && eoc.stderr.contains("a variance cannot be negative"), "\(eoc.stderr)")
    }

    /// `--seed` is 64-bit unsigned: 2^64 - 1 runs, is recorded and reruns identically.
    @Test func theLargestSeedRunsAndVerifies() throws {
        let workspace = try Workspace()
        try workspace.write("small.json", RunCommandTests.spec())
        let run = try CLI.run(
            ["run", "small.json", "--seed", "18446744073709551615", "--quiet"], in: workspace.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try workspace.text("Reports/small/spec.json").contains("18446744073709551615"))
        let verify = try CLI.run(["verify", "Reports/small"], in: workspace.url)
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        let beyond = try CLI.run(["run", "small.json", "--seed", "18446744073709551616"], in: workspace.url)
        #expect(beyond.status != 0 && beyond.stderr.contains("--seed"), "\(beyond.stderr)")
    }

    /// validate used to print the first problem and "(and 1 more problem)".
    @Test func validateListsEveryProblem() throws {
        let workspace = try Workspace()
        let spec = RunCommandTests.spec().replacingOccurrences(of: "\"count\": 64", with: "\"count\": 0")
            .replacingOccurrences(of: "\"depth\": 3", with: "\"depth\": 0")
            .replacingOccurrences(of: "\"size\": \"column\"", with: "\"size\": \"column\", \"stddev\": 1")
        try workspace.write("two.json", spec)
        let output = try CLI.run(["validate", "two.json"], in: workspace.url)
        #expect(output.status == 1)
        let lines = output.stderr.split(separator: "\n")
        #expect(lines.count == 3, "\(output.stderr)")
        for pointer in ["/input/count", "/network/depth", "/figures/0/stddev"] {
            #expect(lines.contains { $0.contains("two.json: \(pointer)") }, "\(pointer) in \(output.stderr)")
        }
    }

    /// The documented 64 characters of an id hold for a sweep run end to end: its cells and files
    /// add nothing that could push a name past a limit.
    @Test func aSweepWithTheLongestIdRuns() throws {
        let workspace = try Workspace()
        let id = String(repeating: "s", count: 64)
        try workspace.write(
            "sweep.json",
            """
            {"id": "\(id)", "title": "sweep", "kind": "sweep", "seed": 3,
             "base": {"data": {"name": "synthetic", "train_size": 32, "test_size": 16},
                      "network": {"depth": 1, "width": 4, "activation": "tanh", "initializer": "glorot-uniform"},
                      "training": {"iterations": 2, "batch_size": 16}},
             "axes": [{"path": "/network/width", "label": "width", "values": [2, 4]},
                      {"path": "/network/depth", "label": "depth", "values": [1]}]}
            """)
        let output = try CLI.run(["run", "sweep.json", "--quiet"], in: workspace.url)
        #expect(output.status == 0, "\(output.stderr)")
        let figures = workspace.files(under: "Reports/\(id)/figures")
        #expect(!figures.isEmpty && figures.allSatisfy { $0.hasPrefix("fig-\(id)-") }, "\(figures)")
    }
}
