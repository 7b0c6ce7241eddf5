import ArgumentParser
import Foundation
import Workflow

/// `initlab sweep status DIR`: cells done, running, failed and missing for each sweep
/// submitted into the store.
struct SweepStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show which cells of submitted sweeps are done, running, failed or missing.",
        discussion:
            "Reads the store, and squeue when it is on PATH (never sacct). Failed cells are listed with their error and log. Exits non-zero while any cell failed or is missing."
    )

    static let shownFailures = 20

    @Argument(help: "The sweep cell store.")
    var store: String

    func run() throws {
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let sweeps: [SweepStatus]
        do {
            sweeps = try SweepStatus.all(store: SweepStore(directory: URL(fileURLWithPath: store)), dataRoot: root)
        } catch {
            throw fail("\(error)")
        }
        var incomplete = false
        for sweep in sweeps {
            print(
                "\(sweep.experiment) (\(sweep.spec)): \(sweep.states.count) cells: \(sweep.done.count) done, \(sweep.running.count) running, \(sweep.queued.count) queued, \(sweep.failed.count) failed, \(sweep.missing.count) missing"
                    + (sweep.queueProblem.map { " (\($0): unfinished cells count as missing)" } ?? ""))
            // A long list would bury the summary: the first few, then a count.
            for index in sweep.failed.prefix(Self.shownFailures) {
                guard case .failed(let error, let log) = sweep.states[index] else { continue }
                print("  failed cell \(index): \(error)" + (log.map { "\n    log: \($0)" } ?? ""))
            }
            if sweep.failed.count > Self.shownFailures {
                print("  ... and \(sweep.failed.count - Self.shownFailures) more failed cells")
            }
            let rest = sweep.failed + sweep.missing
            if !rest.isEmpty {
                incomplete = true
                print(
                    "  resubmit (runs only these \(rest.count) cells): initlab sweep submit \(sweep.spec) --store \(store)"
                )
            }
        }
        if incomplete { throw ExitCode.failure }
    }
}
