import Foundation
import Testing

/// A sweep on a real single-host Slurm cluster: submitted, a task killed mid-run, resumed by
/// submitting again, and the report equal byte for byte to the local backend's.
@Suite(
    .serialized,
    .enabled(
        if: SlurmCluster.installed,
        "slurm-wlm and munge are not installed (make slurm installs them): the real-Slurm test is skipped"))
struct SlurmClusterTests {
    /// Six cells: a row of one-step cells, then a row of 500 steps (seconds each in a debug
    /// build), long enough to kill one while it runs.
    static let sweep = TheoryCommandTests.sweep.replacingOccurrences(of: "[1, 100]", with: "[1, 500]")

    /// Waits until squeue lists none of the cluster's jobs.
    static func waitForEmptyQueue(_ cluster: SlurmCluster, seconds: Double = 90) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let queue = try cluster.command("/usr/bin/squeue", ["--noheader"])
            if queue.status == 0 && queue.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return }
            usleep(250_000)
        }
        throw SlurmCluster.ClusterError("jobs still queued after \(seconds) s\n" + cluster.logs())
    }

    @Test func sweepRunsKilledTaskResumesAndBytesMatchLocal() throws {
        let cluster = try SlurmCluster()
        defer { cluster.stop() }
        try cluster.start()
        let workspace = try Workspace()
        try workspace.write("sweep.json", Self.sweep)
        let environment = cluster.environment
        let submit = try CLI.run(
            ["sweep", "submit", "sweep.json", "--store", "store", "--max-parallel", "2", "--time", "10"],
            in: workspace.url, environment: environment)
        #expect(submit.status == 0, "\(submit.stderr)")
        let job = try #require(submit.stdout.firstMatch(of: /array job (\d+)/)?.1, "\(submit.stdout)")

        // Cell 4 (a slow one) is task 4: cancel it once it runs, before it can finish.
        let deadline = Date().addingTimeInterval(60)
        var running = false
        while !running && Date() < deadline {
            let queue = try cluster.command(
                "/usr/bin/squeue", ["--noheader", "--array", "--job", String(job), "--format", "%K %T"])
            running = queue.stdout.split(separator: "\n").contains("4 RUNNING")
            if !running { usleep(100_000) }
        }
        #expect(running, "task 4 never ran\n\(cluster.logs())")
        usleep(300_000)
        let cancelled = try cluster.command("/usr/bin/scancel", ["\(job)_4"])
        #expect(cancelled.status == 0, "\(cancelled.stderr)")
        try Self.waitForEmptyQueue(cluster)

        let status = try CLI.run(["sweep", "status", "store"], in: workspace.url, environment: environment)
        #expect(status.stdout.contains("6 cells: 5 done, 0 running, 0 queued, 1 failed, 0 missing"), "\(status.stdout)")
        #expect(status.stdout.contains("failed cell 4: array task \(job)_4 ended without a result"), "\(status.stdout)")
        #expect(status.stdout.contains("logs/cell-\(job)_4.out"), "\(status.stdout)")
        // The gather job ran after the array (afterany) and marked the cell missing.
        let partial = try workspace.text("Reports/sweep/results.json")
        #expect(partial.contains("\"missing_cells\"") && partial.contains("\"index\": 4"), "\(partial)")

        let before = TheoryCommandTests.storedCells(in: workspace, folder: "store")
        #expect(before.count == 5)
        let again = try CLI.run(
            ["sweep", "submit", "sweep.json", "--store", "store", "--max-parallel", "2"], in: workspace.url,
            environment: environment)
        #expect(again.stdout.contains("1 of 6 cells submitted (5 stored, 0 queued or running)"), "\(again.stdout)")
        try Self.waitForEmptyQueue(cluster)
        let after = TheoryCommandTests.storedCells(in: workspace, folder: "store")
        #expect(after.count == 6)
        for (name, identity) in before { #expect(after[name] == identity, "\(name) was computed again") }
        let done = try CLI.run(["sweep", "status", "store"], in: workspace.url, environment: environment)
        #expect(done.status == 0 && done.stdout.contains("6 done"), "\(done.stdout)")

        let local = try CLI.run(
            ["run", "sweep.json", "--quiet", "--out", "local", "--store", "local-store"], in: workspace.url)
        #expect(local.status == 0, "\(local.stderr)")
        let expected = try SweepBackendTests.reportFiles(workspace, "local")
        #expect(expected.count == 6, "\(expected.keys.sorted())")
        #expect(try SweepBackendTests.reportFiles(workspace, "Reports") == expected, "Slurm's report differs")
    }
}
