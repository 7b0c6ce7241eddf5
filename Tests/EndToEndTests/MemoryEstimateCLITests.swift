import Foundation
import Testing

/// The memory estimate against the peak resident memory the kernel measures, and the refusal
/// as a user sees it.
@Suite struct MemoryEstimateCLITests {
    /// Runs the binary with posix_spawn and wait4, for the child's own peak resident memory
    /// (getrusage of all children would mix in other tests' processes).
    static func peakResidentBytes(_ arguments: [String]) throws -> (status: Int32, bytes: Double) {
        let argv = ([CLI.binary.path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, CLI.binary.path, nil, nil, argv, environ)
        try #require(spawned == 0, "posix_spawn failed: \(spawned)")
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        return (status, Double(usage.ru_maxrss) * 1024)
    }

    /// "  memory: about 178 MB (...)" -> 1.78e8.
    static func estimate(in output: String) throws -> Double {
        let line = try #require(output.split(separator: "\n").first { $0.contains("memory: about ") })
        let words = line.split(separator: " ")
        let index = try #require(words.firstIndex(of: "about"))
        let value = try #require(Double(words[index + 1]))
        let scales: [Substring: Double] = ["bytes": 1, "kB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12]
        return value * (try #require(scales[words[index + 2].prefix { $0.isLetter }]))
    }

    /// A mid-size spec (about 180 MB, mostly activations): the estimate is within a factor 1.5
    /// of the peak resident memory of the run.
    @Test func estimateMatchesThePeakResidentMemory() throws {
        let workspace = try Workspace()
        try workspace.write(
            "mid.json",
            """
            {"id": "mid", "title": "m", "kind": "activations", "seed": 1,
             "input": {"distribution": "normal", "count": 25000, "dimension": 100},
             "network": {"depth": 2, "width": 256, "activation": "tanh", "initializer": "glorot-normal"},
             "histogram": {"bins": 30, "range": [-1, 1]}}
            """)
        let spec = workspace.url.appendingPathComponent("mid.json").path
        let validated = try CLI.run(["validate", spec], in: workspace.url)
        #expect(validated.status == 0, "\(validated.stderr)")
        let estimated = try Self.estimate(in: validated.stdout)
        let out = workspace.url.appendingPathComponent("out").path
        let (status, measured) = try Self.peakResidentBytes(["run", "--quiet", "--out", out, spec])
        #expect(status == 0)
        #expect(
            estimated / measured < 1.5 && measured / estimated < 1.5, "estimated \(estimated), measured \(measured)")
    }

    /// Width 100000 is refused at once, with the estimate and the limit, and nothing is written.
    @Test func runRefusesWhatDoesNotFit() throws {
        let workspace = try Workspace()
        try workspace.write(
            "wide.json",
            """
            {"id": "wide", "title": "w", "kind": "activations", "seed": 1,
             "input": {"distribution": "normal", "count": 1000, "dimension": 100},
             "network": {"depth": 2, "width": 100000, "activation": "tanh", "initializer": "glorot-normal"},
             "histogram": {"bins": 30, "range": [-1, 1]}}
            """)
        let run = try CLI.run(
            ["run", "--quiet", "wide.json"], in: workspace.url, environment: ["INITLAB_MEMORY_LIMIT": "19G"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("wide.json: needs about 4"), "\(run.stderr)")
        #expect(run.stderr.contains("this machine allows 19 GB (INITLAB_MEMORY_LIMIT=19G)"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("Reports/wide").path))
        let validate = try CLI.run(
            ["validate", "wide.json"], in: workspace.url, environment: ["INITLAB_MEMORY_LIMIT": "19G"])
        #expect(validate.status != 0, "\(validate.stdout)")
        #expect(
            validate.stderr.contains("wide.json") && validate.stderr.contains("needs about 4"), "\(validate.stderr)")
    }
}
