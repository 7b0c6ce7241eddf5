import Foundation
import Testing

/// Cache, verify and diff through the CLI.
@Suite struct ReproducibilityTests {
    static func spec(id: String, width: Int = 12) -> String {
        """
        {"id": "\(id)", "title": "\(id)", "kind": "activations", "seed": 5,
         "input": {"distribution": "normal", "count": 32, "dimension": 12},
         "network": {"depth": 2, "width": \(width), "activation": "tanh", "initializer": "glorot-normal"},
         "histogram": {"bins": 8, "range": "auto"},
         "figures": [{"type": "histograms", "size": "column"}]}
        """
    }

    @Test func secondRunIsServedFromCacheAndAnEditRerunsOnlyThatExperiment() throws {
        let workspace = try Workspace()
        try workspace.write("a.json", Self.spec(id: "a"))
        try workspace.write("b.json", Self.spec(id: "b"))
        let first = try CLI.run(["run", "a.json", "b.json"], in: workspace.url)
        #expect(first.status == 0 && !first.stderr.contains("served from cache"), "\(first.stderr)")
        let second = try CLI.run(["run", "a.json", "b.json"], in: workspace.url)
        #expect(second.stderr.components(separatedBy: "served from cache").count == 3, "\(second.stderr)")
        try workspace.write("b.json", Self.spec(id: "b", width: 13))
        let third = try CLI.run(["run", "a.json", "b.json"], in: workspace.url)
        #expect(
            third.stderr.contains("a: served from cache") && !third.stderr.contains("b: served from cache"),
            "\(third.stderr)")
        let forced = try CLI.run(["run", "a.json", "--force"], in: workspace.url)
        #expect(!forced.stderr.contains("served from cache"))
    }

    @Test func corruptCacheEntryIsRecomputedNotServed() throws {
        let workspace = try Workspace()
        try workspace.write("a.json", Self.spec(id: "a"))
        #expect(try CLI.run(["run", "a.json", "--quiet"], in: workspace.url).status == 0)
        let original = try workspace.data("Reports/a/results.json")
        try workspace.write("Reports/a/results.json", "{}")
        let rerun = try CLI.run(["run", "a.json"], in: workspace.url)
        #expect(rerun.stderr.contains("corrupt") && !rerun.stderr.contains("served from cache"), "\(rerun.stderr)")
        #expect(try workspace.data("Reports/a/results.json") == original)
    }

    @Test func verifyPassesOnAFreshReportAndFailsOnAnEditedResult() throws {
        let workspace = try Workspace()
        try workspace.write("a.json", Self.spec(id: "a"))
        #expect(try CLI.run(["run", "a.json", "--quiet"], in: workspace.url).status == 0)
        let pass = try CLI.run(["verify", "Reports/a"], in: workspace.url)
        #expect(pass.status == 0 && pass.stdout.contains("verified"), "\(pass.stdout)\(pass.stderr)")
        #expect(!pass.stdout.contains("DIFFERENT"))
        // The figure data is covered on disk and by the rerun.
        #expect(pass.stdout.contains("rerun figures/fig-a-histograms.csv"), "\(pass.stdout)")
        let csv = try workspace.text("Reports/a/figures/fig-a-histograms.csv")
        try workspace.write("Reports/a/figures/fig-a-histograms.csv", csv + "0,,0,bar,x,0,1,2,,,,\n")
        let damaged = try CLI.run(["verify", "Reports/a"], in: workspace.url)
        #expect(damaged.status == 1 && damaged.stdout.contains("file figures/fig-a-histograms.csv on disk"))
        try workspace.write("Reports/a/figures/fig-a-histograms.csv", csv)
        let edited = try workspace.text("Reports/a/results.json").replacingOccurrences(
            of: "\"layer\": 1", with: "\"layer\": 7")
        try workspace.write("Reports/a/results.json", edited)
        let fail = try CLI.run(["verify", "Reports/a"], in: workspace.url)
        #expect(fail.status == 1)
        let differing = fail.stdout.split(separator: "\n").filter { $0.contains("DIFFERENT") }
        #expect(differing.count == 1 && differing[0].hasPrefix("file results.json on disk"), "\(fail.stdout)")
    }

    @Test func diffNamesChangedFieldsAndNumbers() throws {
        let workspace = try Workspace()
        try workspace.write("a.json", Self.spec(id: "a"))
        #expect(try CLI.run(["run", "a.json", "--quiet"], in: workspace.url).status == 0)
        #expect(
            try CLI.run(["run", "a.json", "--quiet", "--seed", "6", "--out", "Other"], in: workspace.url).status == 0)
        let diff = try CLI.run(["diff", "Reports/a", "Other/a"], in: workspace.url)
        #expect(
            diff.status == 0 && diff.stdout.contains("/seed: 5 -> 6") && diff.stdout.contains("last-layer std"),
            "\(diff.stdout)")
    }
}
