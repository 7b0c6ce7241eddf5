import ArgumentParser
import Foundation
import Workflow

/// `initlab sweep gather SPEC --store DIR`: the report of a sweep built from its store, with
/// cells not (yet) there marked missing.
struct SweepGatherCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gather",
        abstract: "Build a sweep's report from its store, computing nothing.",
        discussion:
            "Cells the store lacks (still running, failed, never run) are listed as missing in results.json and greyed in the heatmap; the command then exits non-zero."
    )

    @Argument(help: "The sweep spec file (JSON).")
    var spec: String

    @Option(help: "The sweep cell store (default: .cache/sweeps).")
    var store: String?

    @Option(help: "Folder for the reports.")
    var out: String = "Reports"

    @Option(help: "Root seed replacing the spec's seed.")
    var seed: UInt64?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let display = ProgressDisplay(quiet: quiet)
        var options = ExperimentWorkflow.Options(
            seed: seed, reportsDirectory: URL(fileURLWithPath: out), threads: Threads.configure(nil),
            progress: display.progress)
        options.store = store.map { SweepStore(directory: URL(fileURLWithPath: $0)) }
        options.missingSweepCells = .report
        options.warning = { message in note("initlab: warning: \(message)") }
        let outcome: ExperimentWorkflow.Outcome
        do {
            outcome = try ExperimentWorkflow.run(path: spec, options: options)
        } catch {
            display.clear()
            throw fail("\(error)")
        }
        display.finished(outcome)
        guard outcome.missingCells.isEmpty else {
            let list = outcome.missingCells.map(String.init).joined(separator: ",")
            throw fail(
                "\(spec): \(outcome.missingCells.count) cell(s) missing from the report (indices \(list)); compute them with `initlab sweep cell \(spec) --index \(list)` or resubmit, then gather again"
            )
        }
    }
}
