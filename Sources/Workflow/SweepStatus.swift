import Foundation

/// Where each cell of a submitted sweep stands, from the store (finished cells, recorded
/// failures, the submissions) and squeue when it is on PATH; never from accounting (sacct).
public struct SweepStatus: Sendable {
    public enum State: Sendable, Equatable {
        case done
        /// Running, or queued, per squeue.
        case running
        case queued
        /// With the error (recorded by the task, or why none could be) and the task's log.
        case failed(error: String, log: String?)
        /// Never submitted, or submitted but squeue cannot say (not on PATH).
        case missing
    }

    public let experiment: String
    public let spec: String
    public let states: [State]
    /// Why squeue could not say which tasks are queued or running (not on PATH, or it failed),
    /// nil when it did; without it, submitted cells that did not finish are "missing".
    public internal(set) var queueProblem: String?

    public func indices(where predicate: (State) -> Bool) -> [Int] {
        states.indices.filter { predicate(states[$0]) }
    }

    public var done: [Int] { indices { $0 == .done } }
    public var running: [Int] { indices { $0 == .running } }
    public var queued: [Int] { indices { $0 == .queued } }
    public var missing: [Int] { indices { $0 == .missing } }
    public var failed: [Int] {
        indices {
            if case .failed = $0 { return true }
            return false
        }
    }

    /// The status of every sweep submitted into `store`, by experiment id.
    public static func all(store: SweepStore, dataRoot: URL) throws -> [SweepStatus] {
        let jobs = store.directory.appendingPathComponent("jobs")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: jobs.path)) ?? []).sorted()
        let folders = names.map { SweepJobFolder(directory: jobs.appendingPathComponent($0)) }.filter {
            FileManager.default.fileExists(atPath: $0.cellsFile.path)
        }
        guard !folders.isEmpty else {
            throw WorkflowError("\(store.directory.path): no submitted sweep here (no jobs/*/cells.json)")
        }
        let slurm = SlurmCommands()
        // Status only reads: a controller that does not answer leaves the store's view.
        return try folders.map { try of($0, store: store, dataRoot: dataRoot, slurm: slurm, queueRequired: false) }
    }

    /// With `queueRequired` (submit, which must not submit a running cell twice) a failing
    /// squeue is an error; otherwise it is noted in `queueProblem`.
    static func of(
        _ folder: SweepJobFolder, store: SweepStore, dataRoot: URL, slurm: SlurmCommands, queueRequired: Bool
    ) throws -> SweepStatus {
        let (experiment, spec, keys) = try folder.readCells()
        let submissions = try folder.readSubmissions()
        var active: [String: String]?
        var problem: String?
        if slurm.locate("squeue") == nil {
            problem = "squeue is not on PATH"
        } else {
            do {
                active = try activeTasks(experiment: experiment, slurm: slurm)
            } catch {
                guard !queueRequired else { throw error }
                problem = "\(error)"
            }
        }
        var status = classify(
            experiment: experiment, spec: spec, keys: keys, submissions: submissions, active: active,
            isStored: { store.cells(dataRoot: dataRoot).load(key: $0) != nil },
            failure: { store.failure(key: $0) }, log: { folder.taskLog(job: $0, task: $1).path })
        status.queueProblem = problem
        return status
    }

    /// squeue's array tasks of the sweep's jobs: (array job id, task index) -> state.
    static func activeTasks(experiment: String, slurm: SlurmCommands) throws -> [String: String] {
        let text = try slurm.output(
            "squeue", ["--noheader", "--array", "--name", SlurmSubmission.jobName(experiment), "--format", "%F|%K|%T"])
        return parseQueue(text)
    }

    /// squeue lines "arrayjob|task|STATE" keyed "arrayjob_task".
    static func parseQueue(_ text: String) -> [String: String] {
        var tasks: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 3, Int(fields[1]) != nil else { continue }
            tasks["\(fields[0])_\(fields[1])"] = fields[2]
        }
        return tasks
    }

    /// The state of each cell; the latest submission of a cell decides what its task is.
    static func classify(
        experiment: String, spec: String, keys: [String], submissions: [SweepJobFolder.Submission],
        active: [String: String]?, isStored: (String) -> Bool, failure: (String) -> SweepStore.Failure?,
        log: (String, Int) -> String
    ) -> SweepStatus {
        var latest: [Int: (job: String, task: Int)] = [:]
        for submission in submissions {
            for array in submission.arrays {
                for task in array.tasks { latest[array.offset + task] = (array.job, task) }
            }
        }
        let states = keys.enumerated().map { index, key -> State in
            if isStored(key) { return .done }
            let task = latest[index]
            if let task, let state = active?["\(task.job)_\(task.task)"] {
                return ["PENDING", "CONFIGURING", "REQUEUED", "RESV_DEL_HOLD", "SUSPENDED"].contains(state)
                    ? .queued : .running
            }
            if let recorded = failure(key) {
                return .failed(error: recorded.error, log: recorded.log ?? task.map { log($0.job, $0.task) })
            }
            if let task, active != nil {
                // Gone from the queue without a result or a recorded error: killed (time
                // limit, out of memory, node failure); the log tells which.
                let path = log(task.job, task.task)
                return .failed(
                    error: "array task \(task.job)_\(task.task) ended without a result"
                        + (lastLine(of: path).map { ": \($0)" } ?? " (killed: time limit, memory or node?)"),
                    log: path)
            }
            return .missing
        }
        return SweepStatus(experiment: experiment, spec: spec, states: states, queueProblem: nil)
    }

    /// The last non-empty line of a log, which names why Slurm stopped a task.
    static func lastLine(of path: String) -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return text.split(whereSeparator: \.isNewline).last.map { String($0).trimmingCharacters(in: .whitespaces) }
    }
}
