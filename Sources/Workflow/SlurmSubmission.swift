import Foundation

/// `initlab sweep submit`: the sweep's cells as Slurm job arrays plus a gather job that builds
/// the report once they have ended (`afterany`), submitted from a login node that need not stay
/// connected. Submitting again submits only the cells that are neither stored nor queued nor
/// running: that is how a sweep resumes.
public enum SlurmSubmission {
    /// sbatch settings.
    public struct Options: Sendable {
        public var partition: String?
        /// At most this many array tasks run at once (`--array=...%N`).
        public var maxParallel: Int?
        /// Each task's time limit, as sbatch takes it ("10:00", "1-00:00:00").
        public var time: String?
        /// CPUs per task, which is also the task's compute thread count.
        public var cpusPerTask: Int?
        public var seed: UInt64?
        /// Where the gather job writes the report.
        public var reportsDirectory: URL

        public init(reportsDirectory: URL) { self.reportsDirectory = reportsDirectory }
    }

    /// What was submitted.
    public struct Outcome: Sendable {
        public let experiment: String
        /// Array job ids with the cells each runs.
        public let arrays: [(job: String, cells: [Int])]
        public let gatherJob: String
        public let cellCount: Int
        /// Cells already in the store, and cells still queued or running, which were not submitted.
        public let stored: Int
        public let active: Int
    }

    /// The job name of a sweep's tasks, by which `status` finds them in squeue.
    static func jobName(_ experiment: String) -> String { "initlab-\(experiment)" }

    public static func submit(
        path: String, store: SweepStore, dataRoot: URL, options: Options, executable: URL? = nil
    ) throws -> Outcome {
        try submit(
            path: path, store: store, dataRoot: dataRoot, options: options,
            executable: executable ?? ProcessWorkers.currentExecutable, slurm: SlurmCommands())
    }

    static func submit(
        path: String, store: SweepStore, dataRoot: URL, options: Options, executable: URL, slurm: SlurmCommands
    ) throws -> Outcome {
        let spec = URL(fileURLWithPath: path, relativeTo: dataRoot).standardizedFileURL.path
        let cells = try SweepWorker.sweep(path: path, seed: options.seed, store: store, dataRoot: dataRoot)
        let folder = SweepJobFolder(store: store, experiment: cells.spec.id)
        try folder.create()
        try folder.writeCells(experiment: cells.spec.id, spec: spec, keys: cells.keys)
        let status = try SweepStatus.of(folder, store: store, dataRoot: dataRoot, slurm: slurm, queueRequired: true)
        let todo = status.missing + status.failed
        let maxArraySize =
            try SlurmArray.maxArraySize(fromConfig: slurm.output("scontrol", ["show", "config"])) ?? 1001
        let cellScript = folder.directory.appendingPathComponent("cell.sh")
        let gatherScript = folder.directory.appendingPathComponent("gather.sh")
        try writeScripts(
            cell: cellScript, gather: gatherScript, executable: executable, spec: spec, store: store,
            folder: folder, options: options)
        var common = ["--parsable", "--chdir", dataRoot.path]
        if let partition = options.partition { common += ["--partition", partition] }
        if let time = options.time { common += ["--time", time] }
        var arrays: [SweepJobFolder.ArrayJob] = []
        for chunk in SlurmArray.chunks(todo.sorted(), maxArraySize: maxArraySize) {
            var arguments =
                common + [
                    "--job-name", jobName(cells.spec.id), "--array", chunk.arraySpec(maxParallel: options.maxParallel),
                    "--output", folder.logs.appendingPathComponent("cell-%A_%a.out").path,
                ]
            if let cpus = options.cpusPerTask { arguments += ["--cpus-per-task", String(cpus)] }
            let job = try submitted(slurm.output("sbatch", arguments + [cellScript.path, String(chunk.offset)]))
            arrays.append(SweepJobFolder.ArrayJob(job: job, offset: chunk.offset, tasks: chunk.tasks))
            // Recorded at once, so a failure submitting a later chunk still leaves status right.
            try folder.append(SweepJobFolder.Submission(arrays: [arrays[arrays.count - 1]], gather: ""))
        }
        var gatherArguments =
            common + [
                "--job-name", jobName(cells.spec.id) + "-gather",
                "--output", folder.logs.appendingPathComponent("gather-%j.out").path,
            ]
        if !arrays.isEmpty {
            gatherArguments.append("--dependency=afterany:" + arrays.map(\.job).joined(separator: ":"))
        }
        let gather = try submitted(slurm.output("sbatch", gatherArguments + [gatherScript.path]))
        try folder.append(SweepJobFolder.Submission(arrays: [], gather: gather))
        return Outcome(
            experiment: cells.spec.id,
            arrays: arrays.map { ($0.job, $0.tasks.map { [offset = $0.offset] in offset + $0 }) },
            gatherJob: gather, cellCount: cells.count, stored: status.done.count,
            active: status.running.count + status.queued.count)
    }

    /// The job id from `sbatch --parsable` ("123" or "123;cluster").
    static func submitted(_ output: String) throws -> String {
        let id = output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ";").first.map(String.init)
        guard let id, !id.isEmpty, id.allSatisfy(\.isNumber) else {
            throw WorkflowError("sbatch --parsable printed \"\(output)\", expected a job id")
        }
        return id
    }

    /// The batch scripts: a task computes cell offset + SLURM_ARRAY_TASK_ID; the gather job
    /// builds the report from the store.
    static func writeScripts(
        cell: URL, gather: URL, executable: URL, spec: String, store: SweepStore, folder: SweepJobFolder,
        options: Options
    ) throws {
        let seed = options.seed.map { " --seed \($0)" } ?? ""
        let initlab = quoted(executable.path)
        let cellText = """
            #!/bin/sh
            # Written by `initlab sweep submit`: array task i computes sweep cell $1 + i.
            cell=$(( ${SLURM_ARRAY_TASK_ID:?not a Slurm array task} + $1 ))
            exec \(initlab) sweep cell \(quoted(spec)) --store \(quoted(store.directory.path)) --index "$cell" \\
              --threads "${SLURM_CPUS_PER_TASK:-1}"\(seed) \\
              --log \(quoted(folder.logs.path))"/cell-${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}.out"

            """
        let gatherText = """
            #!/bin/sh
            # Written by `initlab sweep submit`: the report, from whatever cells the store holds.
            exec \(initlab) sweep gather \(quoted(spec)) --store \(quoted(store.directory.path)) \\
              --out \(quoted(options.reportsDirectory.path))\(seed) --quiet

            """
        for (file, text) in [(cell, cellText), (gather, gatherText)] {
            do {
                try Data(text.utf8).write(to: file, options: .atomic)
                try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
            } catch {
                throw WorkflowError("\(file.path): cannot write the batch script: \(error.localizedDescription)")
            }
        }
    }

    /// A word for sh, in single quotes.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
