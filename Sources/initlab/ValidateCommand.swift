import ArgumentParser
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
                print("\(path): ok (\(spec.kind.rawValue) experiment \"\(spec.id)\", seed \(spec.seed))")
            } catch {
                _ = fail("\(error)")
                failures += 1
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }
}
