import Foundation

/// The `processes` backend: starts worker processes of `initlab sweep cell` that share one
/// claims folder in the store, and waits for them. The report is then built from the store.
enum ProcessWorkers {
    /// Runs `workers` workers of `executable` over the sweep at `path`; each gets
    /// `threadsPerWorker` compute threads. Throws with the workers' errors when any failed.
    static func run(
        path: String, seed: UInt64?, store: SweepStore, workers: Int, threadsPerWorker: Int, executable: URL
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
