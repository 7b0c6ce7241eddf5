import Foundation
import Run

/// The `processes` backend: starts worker processes of `initlab sweep cell` that share one
/// claims folder in the store, and waits for them. The report is then built from the store.
enum ProcessWorkers {
    /// Runs `workers` workers of `executable` over the sweep at `path`; each gets
    /// `threadsPerWorker` compute threads; `progress` hears how many of `cells` are stored.
    /// Throws with the workers' errors when any failed.
    static func run(
        path: String, seed: UInt64?, store: SweepStore, workers: Int, threadsPerWorker: Int, executable: URL,
        cells: SweepCells?, progress: RunProgress
    ) throws {
        let run = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        let claims = store.directory.appendingPathComponent("claims/\(run)")
        do {
            try FileManager.default.createDirectory(at: claims, withIntermediateDirectories: true)
        } catch {
            throw WorkflowError("\(claims.path): cannot create the claims folder: \(error.localizedDescription)")
        }
        defer {
            try? FileManager.default.removeItem(at: claims)
            // The parent goes too once no other run uses it (rmdir fails on a folder in use).
            rmdir(claims.deletingLastPathComponent().path)
        }
        var processes: [(Process, URL)] = []
        for worker in 0..<workers {
            let process = Process()
            process.executableURL = executable
            process.arguments =
                [
                    "sweep", "cell", path, "--store", store.directory.path, "--claims", claims.path, "--threads",
                    String(threadsPerWorker),
                ] + (seed.map { ["--seed", String($0)] } ?? [])
            // A file, not a pipe: nothing has to drain it while the worker runs.
            let log = claims.appendingPathComponent(".worker-\(worker).log")
            FileManager.default.createFile(atPath: log.path, contents: nil)
            do {
                let handle = try FileHandle(forWritingTo: log)
                process.standardError = handle
                process.standardOutput = FileHandle.nullDevice
                try process.run()
                try? handle.close()
            } catch {
                for (started, _) in processes { started.terminate() }
                throw WorkflowError("\(executable.path): cannot start a sweep worker: \(error.localizedDescription)")
            }
            processes.append((process, log))
        }
        // The store is the workers' only report: count the cells in it while they run.
        var stored = Set<Int>()
        while processes.contains(where: { $0.0.isRunning }) {
            if let cells {
                for index in 0..<cells.count where !stored.contains(index) && cells.isStored(index) {
                    stored.insert(index)
                }
                progress.report(
                    experiment: cells.spec.id,
                    stage: "\(stored.count) of \(cells.count) cells stored by \(workers) worker processes",
                    fractionDone: Double(stored.count) / Double(max(cells.count, 1)))
            }
            usleep(250_000)
        }
        var errors: [String] = []
        for (process, log) in processes {
            process.waitUntilExit()
            guard process.terminationStatus != 0 || process.terminationReason == .uncaughtSignal else { continue }
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            let how =
                process.terminationReason == .uncaughtSignal
                ? "was killed by signal \(process.terminationStatus)" : "exited with \(process.terminationStatus)"
            errors.append(
                "sweep worker \(how)"
                    + (text.isEmpty ? "" : ": " + text.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        if !errors.isEmpty { throw WorkflowError("\(path): " + errors.joined(separator: "; ")) }
    }

    /// The running executable, which the workers run too (so the cell keys, which cover the
    /// executable's bytes, agree).
    static var currentExecutable: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    }
}
