import ArgumentParser
import Foundation
import LinearAlgebra
import Run
import Workflow

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check experiment specs without running them.")

    @Argument(help: "Experiment spec files (JSON).")
    var specs: [String]

    func run() throws {
        var failures = 0
        for path in specs {
            do {
                let spec = try ExperimentWorkflow.validate(path: path)
                // The run would refuse a spec that does not fit: say so here, with the same numbers.
                let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
                do {
                    try ExperimentRunner.checkMemory(spec, dataRoot: root, limit: try MemoryLimit.current())
                    try ExperimentRunner.checkTime(spec, limit: try TimeLimit.current(), threads: ComputeThreads.count)
                } catch {
                    _ = fail("\(path): \(error.description)")
                    failures += 1
                    continue
                }
                print("\(path): ok (\(spec.kind.rawValue) experiment \"\(spec.id)\", seed \(spec.seed))")
                print("  memory: \(MemoryEstimate.of(spec, dataRoot: root).summary)")
                print("  time: \(TimeEstimate.of(spec).summary) on \(ComputeThreads.count) threads")
            } catch {
                _ = fail("\(error)")
                failures += 1
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }
}
