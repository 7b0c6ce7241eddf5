import ArgumentParser

/// `initlab sweep ...`: a sweep's cells computed by separate processes or cluster jobs that
/// share a store folder, and the report gathered from it.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Compute sweep cells into a shared store, submit them to Slurm, and gather the report.",
        subcommands: [
            SweepCellCommand.self, SweepGatherCommand.self, SweepSubmitCommand.self, SweepStatusCommand.self,
        ])
}
