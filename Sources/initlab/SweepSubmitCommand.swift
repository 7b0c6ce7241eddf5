import ArgumentParser
import Foundation
import Workflow

/// `initlab sweep submit SPEC --store DIR`: the sweep as Slurm job arrays and a gather job.
struct SweepSubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Submit a sweep's cells to Slurm as job arrays, with a job that gathers the report.",
        discussion:
            "Writes the cell list into the store (which must be on a file system every node sees), submits array jobs whose indices stay below the cluster's MaxArraySize and a gather job (afterany), prints the job ids and exits. Submitting again submits only cells that are neither stored, queued nor running."
    )

    @Argument(help: "The sweep spec file (JSON).")
    var spec: String

    @Option(help: "The sweep cell store, on a shared file system (default: .cache/sweeps).")
    var store: String?

    @Option(help: "Folder for the report the gather job writes.")
    var out: String = "Reports"

    @Option(help: "Slurm partition.")
    var partition: String?

    @Option(help: "At most this many cells run at once.")
    var maxParallel: Int?

    @Option(help: "Time limit of each cell's task, as sbatch takes it (e.g. 30:00).")
    var time: String?

    @Option(help: "CPUs per task, used as the task's compute threads.")
    var cpusPerTask: Int?

    @Option(help: "Root seed replacing the spec's seed.")
    var seed: UInt64?

    func validate() throws {
        if let maxParallel, maxParallel < 1 { throw ValidationError("--max-parallel must be at least 1") }
        if let cpusPerTask, cpusPerTask < 1 { throw ValidationError("--cpus-per-task must be at least 1") }
    }

    func run() throws {
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let folder = store.map { URL(fileURLWithPath: $0) } ?? SweepStore.standard(dataRoot: root).directory
        var options = SlurmSubmission.Options(reportsDirectory: URL(fileURLWithPath: out))
        options.partition = partition
        options.maxParallel = maxParallel
        options.time = time
        options.cpusPerTask = cpusPerTask
        options.seed = seed
        let outcome: SlurmSubmission.Outcome
        do {
            outcome = try SlurmSubmission.submit(
                path: spec, store: SweepStore(directory: folder), dataRoot: root, options: options)
        } catch {
            throw fail("\(error)")
        }
        let submitted = outcome.arrays.reduce(0) { $0 + $1.cells.count }
        print(
            "\(outcome.experiment): \(submitted) of \(outcome.cellCount) cells submitted (\(outcome.stored) stored, \(outcome.active) queued or running)"
        )
        for array in outcome.arrays {
            print("array job \(array.job): cells \(array.cells.first ?? 0) to \(array.cells.last ?? 0)")
        }
        print("gather job \(outcome.gatherJob): report -> \(options.reportsDirectory.path)/\(outcome.experiment)")
        print("status: initlab sweep status \(folder.path)")
    }
}
