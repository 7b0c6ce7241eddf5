import Foundation
import Testing

/// strace (Debian's, installed by `make test`) injecting faults into a real run.
enum Strace {
    static let executable = "/usr/bin/strace"

    /// Whether strace is installed and may trace here (ptrace can be forbidden in containers).
    static let available: Bool = {
        guard FileManager.default.isExecutableFile(atPath: executable) else { return false }
        return (try? CLI.run(["-o", "/dev/null", "/bin/true"], in: URL(fileURLWithPath: "/"), executable: url).status)
            == 0
    }()

    static let url = URL(fileURLWithPath: executable)

    static let skipReason: Comment =
        "strace is not installed or cannot trace here (make test installs Debian's strace)"
}

/// A crashing machine: a kill at every rename and a write error at every fsync of a run over a
/// good report leave the old report or the new one, complete, and the next command leaves no
/// hidden copy behind.
@Suite(.enabled(if: Strace.available, Strace.skipReason)) struct CrashRecoveryTests {
    /// The state of Reports/ after a command.
    struct State: Equatable {
        let files: [String: Data]
        let hidden: [String]
    }

    final class Setup {
        let workspace: Workspace
        /// Reports/ holding the good (old) report.
        let old: [String: Data]
        /// results.json of the new run (`--seed 4`), which is deterministic.
        let newResults: Data

        init() throws {
            let workspace = try Workspace()
            try FileManager.default.createDirectory(
                at: workspace.url.appendingPathComponent("Experiments"), withIntermediateDirectories: true)
            try workspace.write("Experiments/small.json", RunCommandTests.spec())
            let new = try CLI.run(
                ["run", "Experiments/small.json", "--out", "New", "--seed", "4", "--quiet"], in: workspace.url)
            #expect(new.status == 0, "\(new.stderr)")
            newResults = try workspace.data("New/small/results.json")
            #expect(try CLI.run(["run", "Experiments/small.json", "--quiet"], in: workspace.url).status == 0)
            old = try Dictionary(
                uniqueKeysWithValues: workspace.files(under: "Reports").map {
                    ($0, try workspace.data("Reports/\($0)"))
                })
            self.workspace = workspace
        }

        var reports: URL { workspace.url.appendingPathComponent("Reports") }

        /// Puts the good report back, exactly.
        func restore() throws {
            try FileManager.default.removeItem(at: reports)
            for (path, data) in old {
                let url = reports.appendingPathComponent(path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
        }

        /// Hidden names anywhere under Reports/.
        var hidden: [String] {
            guard let enumerator = FileManager.default.enumerator(atPath: reports.path) else { return [] }
            return enumerator.compactMap { $0 as? String }.filter {
                $0.split(separator: "/").contains { $0.hasPrefix(".") }
            }
        }

        /// `initlab run --seed 4` (a new report over the old one) under strace with `faults`.
        func injectedRun(_ faults: [String], trace: String = "renameat2,rename,fsync", log: String = "/dev/null") throws
            -> CLI.Output
        {
            try CLI.run(
                ["-o", log, "-e", "trace=\(trace)"] + faults.flatMap { ["-e", "inject=\($0)"] } + [
                    CLI.binary.path, "run", "Experiments/small.json", "--seed", "4", "--quiet",
                ], in: workspace.url, executable: Strace.url)
        }

        /// How many times a faulted run calls each syscall.
        func count(_ faults: [String]) throws -> [String: Int] {
            try restore()
            let log = workspace.url.appendingPathComponent("strace.log")
            let run = try injectedRun(faults, log: log.path)
            #expect(run.status == 0, "\(run.stderr)")
            var counts: [String: Int] = [:]
            for line in try String(contentsOf: log, encoding: .utf8).split(separator: "\n") {
                if let paren = line.firstIndex(of: "(") { counts[String(line[..<paren]), default: 0] += 1 }
            }
            return counts
        }

        /// After an injected run: the next command recovers, says so, and leaves the old report
        /// byte for byte or the new one complete, and nothing hidden.
        func checkAfterInjection(_ label: String, run: CLI.Output) throws {
            #expect(run.status != 0, "\(label): the run succeeded despite the fault")
            if run.status == 1 {
                #expect(
                    run.stderr.contains("any earlier report is left as it was") && run.stderr.contains("cannot "),
                    "\(label): \(run.stderr)")
            }
            let leftovers = hidden
            let list = try CLI.run(["list"], in: workspace.url)
            #expect(list.status == 0, "\(label): \(list.stderr)")
            if !leftovers.isEmpty {
                #expect(
                    list.stderr.contains("initlab: removed") || list.stderr.contains("initlab: restored"),
                    "\(label): \(leftovers) left, recovery said: \(list.stderr)")
            }
            #expect(hidden.isEmpty, "\(label): still hidden after the next command: \(hidden)")
            let small = workspace.files(under: "Reports/small").sorted()
            if list.stdout.contains("report up to date") {
                let files = try Dictionary(
                    uniqueKeysWithValues: small.map { ("small/\($0)", try workspace.data("Reports/small/\($0)")) })
                #expect(files == old.filter { $0.key.hasPrefix("small/") }, "\(label): the old report changed")
            } else {
                #expect(
                    list.stdout.contains("report from another seed"), "\(label): neither old nor new: \(list.stdout)")
                #expect(try workspace.data("Reports/small/results.json") == newResults, "\(label)")
            }
            #expect(workspace.exists("Reports/index.html"), "\(label): the index is gone")
        }
    }

    @Test func killAtEveryRenameAndErrorAtEveryFsyncLeavesOldOrNew() throws {
        let setup = try Setup()
        let counts = try setup.count([])
        let renames = counts["renameat2", default: 0]
        let fsyncs = counts["fsync", default: 0]
        #expect(renames == 2 && fsyncs >= 10, "\(counts)")
        var points: [(String, [String])] = []
        for n in 1...max(renames, 1) {
            points.append(("kill at renameat2 \(n)", ["renameat2:signal=SIGKILL:when=\(n)"]))
        }
        for n in 1...max(fsyncs, 1) {
            points.append(("kill at fsync \(n)", ["fsync:signal=SIGKILL:when=\(n)"]))
            points.append(("ENOSPC at fsync \(n)", ["fsync:error=ENOSPC:when=\(n)"]))
        }
        for (label, faults) in points {
            try setup.restore()
            try setup.checkAfterInjection(label, run: try setup.injectedRun(faults))
        }
    }

    /// Where the file system cannot exchange (EINVAL), two renames go through a retired copy;
    /// a kill between them leaves no report until the next command restores the old one.
    @Test func twoRenameFallbackIsRecoverableAtEveryStep() throws {
        let setup = try Setup()
        let noExchange = "renameat2:error=EINVAL"
        let counts = try setup.count([noExchange])
        let renames = counts["rename", default: 0]
        let fsyncs = counts["fsync", default: 0]
        #expect(renames == 4, "\(counts)")
        var points: [(String, [String])] = []
        for n in 1...max(renames, 1) {
            points.append(("fallback, kill at rename \(n)", [noExchange, "rename:signal=SIGKILL:when=\(n)"]))
            points.append(("fallback, EIO at rename \(n)", [noExchange, "rename:error=EIO:when=\(n)"]))
        }
        for n in 1...max(fsyncs, 1) {
            points.append(("fallback, ENOSPC at fsync \(n)", [noExchange, "fsync:error=ENOSPC:when=\(n)"]))
        }
        var sawRestore = false
        for (label, faults) in points {
            try setup.restore()
            let run = try setup.injectedRun(faults)
            sawRestore = sawRestore || !FileManager.default.fileExists(atPath: setup.reports.path + "/small")
            try setup.checkAfterInjection(label, run: run)
        }
        #expect(sawRestore, "no injection point left the report folder missing")
    }

    /// Concurrent runs of the same spec into the same folder end with one complete report.
    @Test func concurrentRunsEndWithOneCompleteReport() throws {
        let workspace = try Workspace()
        try workspace.write("small.json", RunCommandTests.spec())
        for round in 0..<3 {
            let processes = (0..<3).map { index -> Process in
                let process = Process()
                process.executableURL = CLI.binary
                process.arguments = ["run", "small.json", "--force", "--quiet", "--seed", "\(3 + (index + round) % 2)"]
                process.currentDirectoryURL = workspace.url
                let errors = Pipe()
                process.standardError = errors
                return process
            }
            for process in processes { try process.run() }
            for process in processes {
                process.waitUntilExit()
                let stderr = (process.standardError as? Pipe)?.fileHandleForReading.readDataToEndOfFile() ?? Data()
                #expect(process.terminationStatus == 0, "\(String(decoding: stderr, as: UTF8.self))")
            }
            let hidden = try FileManager.default.contentsOfDirectory(atPath: workspace.url.path + "/Reports").filter {
                $0.hasPrefix(".")
            }
            #expect(hidden.isEmpty, "round \(round): \(hidden)")
            let verify = try CLI.run(["verify", "Reports/small"], in: workspace.url)
            #expect(verify.status == 0, "round \(round): \(verify.stdout)")
        }
    }
}
