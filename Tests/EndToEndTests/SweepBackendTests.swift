import Foundation
import Testing

/// The sweep backends: worker processes give the bytes the local backend gives, and a report
/// gathered from an incomplete store marks the missing cells instead of inventing them.
@Suite struct SweepBackendTests {
    /// Six quick cells of a synthetic-data sweep (milliseconds each).
    static let sweep = TheoryCommandTests.sweep.replacingOccurrences(of: "[1, 100]", with: "[1, 5]")

    static func reportFiles(_ workspace: Workspace, _ out: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in ["results.json", "report.ipynb"]
            + workspace.files(under: "\(out)/sweep/figures").map({ "figures/" + $0 })
        {
            files[name] = try workspace.data("\(out)/sweep/\(name)")
        }
        return files
    }

    @Test func processesGiveTheLocalBytes() throws {
        let workspace = try Workspace()
        try workspace.write("sweep.json", Self.sweep)
        let local = try CLI.run(["run", "sweep.json", "--quiet", "--out", "local", "--store", "a"], in: workspace.url)
        #expect(local.status == 0, "\(local.stderr)")
        let processes = try CLI.run(
            [
                "run", "sweep.json", "--quiet", "--out", "processes", "--store", "b", "--backend", "processes",
                "--workers", "3",
            ],
            in: workspace.url)
        #expect(processes.status == 0, "\(processes.stderr)")
        let expected = try Self.reportFiles(workspace, "local")
        #expect(
            expected.count == 6,
            "results.json, the notebook, the heatmap in three formats and its data: \(expected.keys.sorted())")
        #expect(try Self.reportFiles(workspace, "processes") == expected)
        // The workers, not the final pass, computed the cells.
        #expect(try workspace.text("processes/sweep/index.html").contains("6 of 6 cells came from"))
        #expect(workspace.files(under: "b").filter { $0.hasSuffix(".json") }.count == 6)
        #expect(!workspace.exists("b/claims"), "the claims folder is removed")
    }

    @Test func gatherMarksMissingCellsAndCellFillsThem() throws {
        let workspace = try Workspace()
        try workspace.write("sweep.json", Self.sweep)
        let some = try CLI.run(["sweep", "cell", "sweep.json", "--store", "s", "--index", "0,2,4"], in: workspace.url)
        #expect(some.status == 0, "\(some.stderr)")
        let partial = try CLI.run(["sweep", "gather", "sweep.json", "--store", "s", "--quiet"], in: workspace.url)
        #expect(partial.status != 0 && partial.stderr.contains("indices 1,3,5"), "\(partial.stderr)")
        let results = try workspace.text("Reports/sweep/results.json")
        #expect(results.contains("\"missing_cells\""))
        #expect(results.components(separatedBy: "\"value\"").count - 1 == 3, "only the three stored cells have values")

        let bad = try CLI.run(["sweep", "cell", "sweep.json", "--store", "s", "--index", "6"], in: workspace.url)
        #expect(bad.status != 0 && bad.stderr.contains("out of range"), "\(bad.stderr)")
        let rest = try CLI.run(["sweep", "cell", "sweep.json", "--store", "s"], in: workspace.url)
        #expect(rest.status == 0, "\(rest.stderr)")
        let full = try CLI.run(["sweep", "gather", "sweep.json", "--store", "s", "--quiet"], in: workspace.url)
        #expect(full.status == 0, "\(full.stderr)")
        #expect(try CLI.run(["run", "sweep.json", "--quiet", "--out", "local"], in: workspace.url).status == 0)
        #expect(try Self.reportFiles(workspace, "Reports") == Self.reportFiles(workspace, "local"))
    }
}
