import ArgumentParser
import Foundation
import Workflow

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run experiments and write their reports.",
        discussion:
            "Each SPEC writes <out>/<id>/ (index.html, results.json, manifest.json, spec.json, figures/) and refreshes <out>/index.html. A failed run leaves any earlier report untouched."
    )

    @Argument(help: "Experiment spec files (JSON).")
    var specs: [String]

    @Option(help: "Root seed replacing the spec's seed; recorded in the report.")
    var seed: UInt64?

    @Option(help: "Folder for the reports.")
    var out: String = "Reports"

    @Option(help: "Compute threads (default: INITLAB_THREADS or the number of cores). Results do not depend on it.")
    var threads: Int?

    @Option(help: "Where a sweep's cells are computed: local (this process) or processes (worker processes).")
    var backend: BackendName = .local

    @Option(help: "Worker processes of --backend processes (default: the number of cores).")
    var workers: Int?

    @Option(help: "The sweep cell store (default: .cache/sweeps).")
    var store: String?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Rerun even when a report with the same cache key (spec, seed, code, data) exists.")
    var force = false

    @Flag(help: "Write each index.html as one self-contained file: images and downloads inline, no external request.")
    var selfContained = false

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1") }
        if workers != nil && backend != .processes { throw ValidationError("--workers needs --backend processes") }
    }

    func run() throws {
        let threadCount = Threads.configure(threads)
        let display = ProgressDisplay(quiet: quiet)
        var failures = 0
        for path in specs {
            var options = ExperimentWorkflow.Options(
                seed: seed, reportsDirectory: URL(fileURLWithPath: out), threads: threadCount,
                progress: display.progress, force: force, selfContained: selfContained)
            options.backend = backend.backend(workers: workers)
            options.store = store.map { SweepStore(directory: URL(fileURLWithPath: $0)) }
            options.warning = { message in
                display.clear()
                note("initlab: warning: \(message)")
            }
            do {
                let outcome = try ExperimentWorkflow.run(path: path, options: options)
                display.clear()
                for line in outcome.recovered { note("initlab: \(line)") }
                display.finished(outcome)
            } catch {
                display.clear()
                _ = fail("\(error)")
                failures += 1
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }
}
