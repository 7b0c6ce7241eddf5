import Foundation
import Testing

/// The CLI end to end on small specs: determinism, seeds, bad input, escaping.
@Suite struct RunCommandTests {
    static func spec(id: String = "small", title: String = "Small sigmoid network", seed: Int = 3) -> String {
        """
        {
          "id": "\(id)",
          "title": "\(title)",
          "kind": "activations",
          "seed": \(seed),
          "references": ["glorot2010"],
          "input": {"distribution": "normal", "count": 64, "dimension": 20},
          "network": {"depth": 3, "width": 20, "activation": "sigmoid", "initializer": {"name": "normal", "std": 1}},
          "variants": [
            {"label": "std 1", "initializer": {"name": "normal", "std": 1}},
            {"label": "Xavier", "initializer": "glorot-normal"}
          ],
          "histogram": {"bins": 10, "range": [0, 1]},
          "figures": [{"type": "histograms", "size": "column"}]
        }
        """
    }

    @Test func sameSpecTwiceGivesIdenticalBytesAndSeedChangesThem() throws {
        let workspace = try Workspace()
        try workspace.write("small.json", Self.spec())
        let first = try CLI.run(["run", "small.json", "--out", "A", "--quiet"], in: workspace.url)
        #expect(first.status == 0, "\(first.stderr)")
        let second = try CLI.run(["run", "small.json", "--out", "B", "--quiet", "--threads", "1"], in: workspace.url)
        #expect(second.status == 0, "\(second.stderr)")
        let files = workspace.files(under: "A/small")
        #expect(files.contains("results.json") && files.contains("manifest.json") && files.contains("index.html"))
        // The byte comparison below covers the figure in every format and its data, not an empty
        // folder.
        #expect(
            files.filter { $0.hasPrefix("figures/") }.sorted()
                == ["csv", "pdf", "png", "svg"].map { "figures/fig-small-histograms.\($0)" }, "\(files)")
        #expect(files.contains("report.ipynb"))
        for file in files
        where file.hasSuffix(".json") && file != "manifest.json" || file.hasPrefix("figures/")
            || file.hasSuffix(".ipynb")
        {
            #expect(
                try workspace.data("A/small/\(file)") == workspace.data("B/small/\(file)"),
                "\(file) differs between runs")
        }
        let reseeded = try CLI.run(["run", "small.json", "--out", "C", "--seed", "4", "--quiet"], in: workspace.url)
        #expect(reseeded.status == 0)
        #expect(try workspace.data("A/small/results.json") != workspace.data("C/small/results.json"))
        #expect(try workspace.text("C/small/spec.json").contains("\"seed\": 4"))
        #expect(try workspace.text("C/small/manifest.json").contains("\"seed_overridden\": true"))
        #expect(workspace.exists("A/index.html"))
    }

    @Test(arguments: [
        ("malformed.json", "{\"id\": \"x\",, }", "malformed.json (line 1, column 12): malformed JSON"),
        (
            "unknown.json", RunCommandTests.spec().replacingOccurrences(of: "\"histogram\"", with: "\"histogramm\""),
            "unknown key \"histogramm\""
        ),
        (
            "type.json", RunCommandTests.spec().replacingOccurrences(of: "\"depth\": 3", with: "\"depth\": \"three\""),
            "/network/depth"
        ),
        (
            "negative.json", RunCommandTests.spec().replacingOccurrences(of: "\"depth\": 3", with: "\"depth\": -1"),
            "expected an integer from 1"
        ),
        (
            "initializer.json",
            RunCommandTests.spec().replacingOccurrences(of: "\"glorot-normal\"", with: "\"glorot-nromal\""),
            "did you mean \"glorot-normal\"?"
        ),
        ("missing.json", "", "missing.json: no such file"),
    ])
    func badInputFailsWithOneLineAndWritesNothing(file: String, text: String, message: String) throws {
        let workspace = try Workspace()
        if !text.isEmpty { try workspace.write(file, text) }
        let output = try CLI.run(["run", file, "--out", "Reports"], in: workspace.url)
        #expect(output.status == 1)
        #expect(output.stderr.hasPrefix("initlab: ") && output.stderr.contains(message), "\(output.stderr)")
        #expect(output.stderr.split(separator: "\n").count == 1, "\(output.stderr)")
        #expect(!workspace.exists("Reports/small"))
        let validation = try CLI.run(["validate", file], in: workspace.url)
        #expect(validation.status == 1 && validation.stderr.contains(message))
    }

    @Test func failedRerunLeavesTheEarlierReportIntact() throws {
        let workspace = try Workspace()
        try workspace.write("small.json", Self.spec())
        #expect(try CLI.run(["run", "small.json", "--quiet"], in: workspace.url).status == 0)
        let before = try workspace.data("Reports/small/results.json")
        try workspace.write("small.json", Self.spec().replacingOccurrences(of: "\"bins\": 10", with: "\"bins\": 0"))
        #expect(try CLI.run(["run", "small.json"], in: workspace.url).status == 1)
        #expect(try workspace.data("Reports/small/results.json") == before)
        let left = workspace.files(under: "Reports")
        #expect(left.contains("small/results.json") && left.contains("index.html"), "\(left)")
        #expect(left.allSatisfy { !$0.contains("staging") && !$0.contains("retired") }, "\(left)")
    }

    @Test func userStringsAreEscapedInHTML() throws {
        let workspace = try Workspace()
        try workspace.write("xss.json", Self.spec(id: "xss", title: "<script>alert(1)</script> & friends"))
        #expect(try CLI.run(["run", "xss.json", "--quiet"], in: workspace.url).status == 0)
        let page = try workspace.text("Reports/xss/index.html")
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; friends"))
        let index = try workspace.text("Reports/index.html")
        #expect(!index.contains("<script>alert") && index.contains("&lt;script&gt;"))
    }

    @Test func schemaAndListCommands() throws {
        let workspace = try Workspace()
        let schema = try CLI.run(["schema"], in: workspace.url)
        #expect(
            schema.status == 0
                && schema.stdout.contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""))
        try FileManager.default.createDirectory(
            at: workspace.url.appendingPathComponent("Experiments"), withIntermediateDirectories: true)
        try workspace.write("Experiments/small.json", Self.spec())
        try workspace.write("Experiments/broken.json", "{")
        var list = try CLI.run(["list"], in: workspace.url)
        #expect(list.status == 0 && list.stdout.contains("no report") && list.stdout.contains("invalid"))
        #expect(try CLI.run(["run", "Experiments/small.json", "--quiet"], in: workspace.url).status == 0)
        list = try CLI.run(["list"], in: workspace.url)
        #expect(list.stdout.contains("report up to date"))
    }
}

/// Training through the CLI: a corrupt data file and a diverging learning rate.
@Suite struct TrainingCommandTests {
    static func spec(id: String, data: String, learningRate: Double = 0.05) -> String {
        """
        {"id": "\(id)", "title": "t", "kind": "training", "seed": 2, "data": \(data),
         "network": {"depth": 1, "width": 8, "activation": "relu", "initializer": "he-normal"},
         "training": {"iterations": 30, "batch_size": 10, "optimizer": {"name": "sgd", "learning_rate": \(learningRate)}, "probe_size": 20},
         "figures": [{"type": "loss", "size": "column"}]}
        """
    }

    @Test func corruptIDXFileIsAClearErrorAndWritesNothing() throws {
        let workspace = try Workspace()
        // Valid headers, truncated pixel data.
        try Data([0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2, 1, 2, 3]).write(
            to: workspace.url.appendingPathComponent("images"))
        try Data([0, 0, 8, 1, 0, 0, 0, 2, 3, 4]).write(to: workspace.url.appendingPathComponent("labels"))
        try workspace.write(
            "idx.json",
            Self.spec(id: "idx", data: #"{"name": "idx", "train_images": "images", "train_labels": "labels"}"#))
        let output = try CLI.run(["run", "idx.json"], in: workspace.url)
        #expect(
            output.status == 1
                && output.stderr.contains("images: truncated: expected 8 data bytes after the header, found 3"),
            "\(output.stderr)")
        #expect(!workspace.exists("Reports/idx"))
    }

    @Test func divergingLearningRateIsReportedNotFatal() throws {
        let workspace = try Workspace()
        try workspace.write(
            "lr.json",
            Self.spec(id: "lr", data: #"{"name": "synthetic", "train_size": 100, "test_size": 20}"#, learningRate: 1e6))
        let output = try CLI.run(["run", "lr.json", "--quiet"], in: workspace.url)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(try workspace.text("Reports/lr/results.json").contains("\"diverged_at\": "))
        #expect(!(try workspace.text("Reports/lr/results.json").contains("\"diverged_at\": null")))
        #expect(try workspace.text("Reports/lr/index.html").contains("at iteration"))
    }
}
