import Foundation
import Testing

/// `sweep submit` and `sweep status` against stand-ins for sbatch, scontrol and squeue on PATH
/// that record their arguments: chunking under MaxArraySize, the gather dependency, status from
/// the store and the queue, and a resubmission of only the cells that need it.
@Suite struct SlurmSubmitTests {
    /// A workspace with fake Slurm commands in bin/: sbatch appends its arguments (one call a
    /// line) to sbatch.log and prints the next job id; squeue prints the file `queue`, or fails
    /// as with the controller down when the file `squeue-fails` exists.
    static func cluster() throws -> Workspace {
        let workspace = try Workspace()
        let bin = workspace.url.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let tools = [
            "sbatch": """
            #!/bin/sh
            dir=$(dirname "$0")/..
            n=$(( $(cat "$dir/next" 2>/dev/null || echo 100) + 1 )); echo $n > "$dir/next"
            printf '%s\\n' "$*" >> "$dir/sbatch.log"
            echo "$n;test"
            """,
            "scontrol": """
            #!/bin/sh
            printf 'Configuration data as of 2026-01-01T00:00:00\\nMaxArraySize            = 1001\\nMaxJobCount = 10000\\n'
            """,
            "squeue": """
            #!/bin/sh
            if [ -f "$(dirname "$0")/../squeue-fails" ]; then echo "squeue: error: slurm_load_jobs error: Unable to contact slurm controller" >&2; exit 1; fi
            cat "$(dirname "$0")/../queue" 2>/dev/null; exit 0
            """,
        ]
        for (name, text) in tools {
            let file = bin.appendingPathComponent(name)
            try Data((text + "\n").utf8).write(to: file)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        }
        return workspace
    }

    static func environment(_ workspace: Workspace) -> [String: String] {
        [
            "PATH": workspace.url.appendingPathComponent("bin").path + ":"
                + (ProcessInfo.processInfo.environment["PATH"] ?? "")
        ]
    }

    /// sbatch calls as argument lists.
    static func calls(_ workspace: Workspace) throws -> [[String]] {
        try workspace.text("sbatch.log").split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    }

    static func value(_ option: String, in call: [String]) -> String? {
        call.firstIndex(of: option).map { call[$0 + 1] }
    }

    /// The cells of an array call: its --array ranges plus the offset (the script's argument).
    static func cells(_ call: [String]) throws -> (tasks: [Int], cells: [Int]) {
        let spec = try #require(value("--array", in: call)).split(separator: "%")[0]
        let offset = try #require(Int(call[call.count - 1]))
        var tasks: [Int] = []
        for part in spec.split(separator: ",") {
            let bounds = part.split(separator: "-").compactMap { Int($0) }
            tasks += bounds.count == 2 ? Array(bounds[0]...bounds[1]) : bounds
        }
        return (tasks, tasks.map { offset + $0 })
    }

    @Test func fiveThousandCellsSubmitQuicklyInChunksUnderMaxArraySize() throws {
        let workspace = try Self.cluster()
        let depths = (1...50).map(String.init).joined(separator: ", ")
        let scales = (0..<100).map { String(0.5 + 0.01 * Double($0)) }.joined(separator: ", ")
        try workspace.write(
            "big.json",
            SweepBackendTests.sweep.replacingOccurrences(of: "[0.5, 1, 2]", with: "[\(scales)]")
                .replacingOccurrences(of: "[1, 5]", with: "[\(depths)]"))
        // Timed by the CPU time it uses (sh's `times`), which other work on a shared machine
        // does not inflate; the wall clock only has to stay reasonable.
        let start = Date()
        let submit = try CLI.run(
            [
                "-c", "\"$0\" \"$@\"; status=$?; times; exit $status", CLI.binary.path, "sweep", "submit", "big.json",
                "--store", "store", "--max-parallel", "8", "--time", "10:00",
            ],
            in: workspace.url, environment: Self.environment(workspace), executable: URL(fileURLWithPath: "/bin/sh"))
        let wall = Date().timeIntervalSince(start)
        #expect(submit.status == 0, "\(submit.stderr)")
        let times = try #require(submit.stdout.split(separator: "\n").last).split(separator: " ").map { field in
            // "1m2.500s": minutes and seconds.
            let parts = field.dropLast().split(separator: "m")
            return (Double(parts.first ?? "") ?? .nan) * 60 + (Double(parts.last ?? "") ?? .nan)
        }
        let cpu = times.reduce(0, +)
        #expect(times.count == 2 && cpu < 5, "submitting 5000 cells took \(cpu) s of CPU time (\(submit.stdout))")
        #expect(wall < 30, "submitting 5000 cells took \(wall) s")
        let calls = try Self.calls(workspace)
        let arrays = calls.filter { $0.contains("--array") }
        #expect(arrays.count == 5, "5000 cells at MaxArraySize 1001: five arrays, got \(arrays.count)")
        var covered: [Int] = []
        for call in arrays {
            let (tasks, cells) = try Self.cells(call)
            #expect(tasks.allSatisfy { $0 < 1001 }, "an index at or above MaxArraySize: \(tasks.max() ?? 0)")
            #expect(Self.value("--array", in: call)?.hasSuffix("%8") == true)
            #expect(Self.value("--time", in: call) == "10:00")
            covered += cells
        }
        #expect(covered.sorted() == Array(0..<5000), "every cell exactly once")
        let gather = try #require(calls.last)
        #expect(!gather.contains("--array"))
        #expect(gather.contains("--dependency=afterany:101:102:103:104:105"), "\(gather)")
        #expect(submit.stdout.contains("gather job 106"), "\(submit.stdout)")
    }

    @Test func statusAndResubmitSeeTheStoreAndTheQueue() throws {
        let workspace = try Self.cluster()
        try workspace.write("sweep.json", SweepBackendTests.sweep)
        let environment = Self.environment(workspace)
        let first = try CLI.run(
            ["sweep", "submit", "sweep.json", "--store", "store"], in: workspace.url, environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try Self.cells(Self.calls(workspace)[0]).cells == Array(0..<6))
        // Tasks 0, 2, 4 finished; 1 runs, 5 waits; 3 was killed by the time limit.
        #expect(
            try CLI.run(["sweep", "cell", "sweep.json", "--store", "store", "--index", "0,2,4"], in: workspace.url)
                .status == 0)
        try workspace.write("queue", "101|1|RUNNING\n101|5|PENDING\n")
        let log = "store/jobs/sweep/logs/cell-101_3.out"
        try workspace.write(log, "slurmstepd: error: *** JOB 104 ON node1 CANCELLED DUE TO TIME LIMIT ***\n")
        let status = try CLI.run(["sweep", "status", "store"], in: workspace.url, environment: environment)
        #expect(status.status != 0, "a failed cell makes status fail")
        #expect(
            status.stdout.contains("6 cells: 3 done, 1 running, 1 queued, 1 failed, 0 missing"), "\(status.stdout)")
        #expect(status.stdout.contains("failed cell 3: array task 101_3 ended without a result: slurmstepd"))
        #expect(status.stdout.contains(log), "the log path is listed: \(status.stdout)")

        let again = try CLI.run(
            ["sweep", "submit", "sweep.json", "--store", "store"], in: workspace.url, environment: environment)
        #expect(again.status == 0, "\(again.stderr)")
        let calls = try Self.calls(workspace)
        #expect(calls.count == 4, "one array and one gather job each time")
        #expect(try Self.cells(calls[2]).cells == [3], "only the failed cell is resubmitted: \(calls[2])")
        #expect(calls[3].contains("--dependency=afterany:103"))
        #expect(again.stdout.contains("1 of 6 cells submitted (3 stored, 2 queued or running)"), "\(again.stdout)")

        // The resubmitted task is queued now: status says so instead of "failed".
        try workspace.write("queue", "101|1|RUNNING\n101|5|PENDING\n103|3|PENDING\n")
        let later = try CLI.run(["sweep", "status", "store"], in: workspace.url, environment: environment)
        #expect(later.stdout.contains("3 done, 1 running, 2 queued, 0 failed, 0 missing"), "\(later.stdout)")
        #expect(later.status == 0)
    }

    /// A task that fails (here: the data is not where the node looks) records its error and log
    /// in the store, and status lists both.
    @Test func aFailedCellIsListedWithItsErrorAndLog() throws {
        let workspace = try Self.cluster()
        try workspace.write(
            "bad.json",
            SweepBackendTests.sweep.replacingOccurrences(
                of:
                    #""name": "synthetic", "classes": 3, "dimension": 16, "train_size": 200, "test_size": 60, "separation": 1.5"#,
                with: #""name": "idx", "train_images": "nowhere/images.gz", "train_labels": "nowhere/labels.gz""#))
        let environment = Self.environment(workspace)
        let submit = try CLI.run(
            ["sweep", "submit", "bad.json", "--store", "store"], in: workspace.url, environment: environment)
        #expect(submit.status == 0, "\(submit.stderr)")
        let log = workspace.url.appendingPathComponent("store/jobs/sweep/logs/cell-101_2.out").path
        let task = try CLI.run(
            ["sweep", "cell", "bad.json", "--store", "store", "--index", "2", "--log", log], in: workspace.url)
        #expect(task.status != 0 && task.stderr.contains("nowhere/images.gz"), "\(task.stderr)")
        // Task 2 is over, the others still wait.
        try workspace.write("queue", (0..<6).filter { $0 != 2 }.map { "101|\($0)|PENDING\n" }.joined())
        let status = try CLI.run(["sweep", "status", "store"], in: workspace.url, environment: environment)
        #expect(status.stdout.contains("0 done, 0 running, 5 queued, 1 failed, 0 missing"), "\(status.stdout)")
        #expect(status.stdout.contains("failed cell 2: bad.json: cell 2"), "\(status.stdout)")
        #expect(status.stdout.contains("nowhere/images.gz") && status.stdout.contains("log: \(log)"))
    }

    /// With the controller not answering, status still reports from the store (and says why it
    /// cannot tell running from gone), but submit refuses: it could submit a running cell twice.
    @Test func aFailingSqueueLimitsStatusAndStopsSubmit() throws {
        let workspace = try Self.cluster()
        try workspace.write("sweep.json", SweepBackendTests.sweep)
        let environment = Self.environment(workspace)
        #expect(
            try CLI.run(
                ["sweep", "submit", "sweep.json", "--store", "store"], in: workspace.url, environment: environment
            )
            .status == 0)
        try workspace.write("squeue-fails", "")
        let status = try CLI.run(["sweep", "status", "store"], in: workspace.url, environment: environment)
        #expect(status.stdout.contains("0 done, 0 running, 0 queued, 0 failed, 6 missing"), "\(status.stdout)")
        #expect(status.stdout.contains("Unable to contact slurm controller"), "\(status.stdout)")
        let again = try CLI.run(
            ["sweep", "submit", "sweep.json", "--store", "store"], in: workspace.url, environment: environment)
        #expect(again.status != 0 && again.stderr.contains("Unable to contact"), "\(again.stderr)")
        #expect(try Self.calls(workspace).count == 2, "nothing submitted the second time")
    }
}
