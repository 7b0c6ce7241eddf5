import ArgumentParser
import Foundation
import Workflow

/// `initlab`: run experiments on weight initialization and activation functions, and publish
/// reproducible reports.
@main
struct InitLab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "initlab",
        abstract: "Reproducible experiments on weight initialization and activation functions.",
        discussion:
            "Write an experiment as JSON in Experiments/, run it, and get an HTML report with figures you can cite and rerun by seed.",
        version: ToolVersion.current,
        subcommands: [
            RunCommand.self, ValidateCommand.self, SchemaCommand.self, ListCommand.self, VerifyCommand.self,
            DiffCommand.self, SweepCommand.self,
            MeanFieldCommand.self, EdgeOfChaosCommand.self,
        ])

    static func main() {
        // A write past a file-size limit (ulimit -f) then fails with EFBIG, reported as a write
        // error with the earlier report left in place, instead of killing the process mid-write.
        signal(SIGXFSZ, SIG_IGN)
        main(nil)
    }
}
