import Datasets
import ExperimentKinds
import Foundation
import LinearAlgebra
import Results
import Spec
import Synchronization
import Theory
import Training

/// Kind "sweep": pending cells run one after another on each core (one run per core); each
/// cell is stored the moment its last run finishes, so a killed sweep loses at most the cells
/// in flight.
enum SweepRun {
    static func run(
        _ sweep: SweepExperiment, spec: ExperimentSpec, dataRoot: URL, store: SweepCellStore?, progress: RunProgress,
        missing: MissingSweepCells = .compute
    ) throws(RunError) -> SweepResult {
        let keys = sweep.cells.map { store?.key(for: $0.spec, metric: sweep.metric) ?? "" }
        var entries: [SweepCellStoreEntry?] = keys.map { key in store?.load(key: key) }
        let reused = entries.compactMap { $0 }.count
        if missing == .compute {
            let pending = sweep.cells.indices.filter { entries[$0] == nil }
            let computed = try compute(
                pending, sweep: sweep, spec: spec, keys: keys, dataRoot: dataRoot, store: store, progress: progress)
            for (index, entry) in zip(pending, computed) { entries[index] = entry }
        }
        let overlay = sweep.overlay.map { SweepOverlay($0, axisValues: sweep.axes[0].values, store: store) }
        var cells: [SweepResult.Cell] = []
        var absent: [SweepResult.MissingCell] = []
        for (index, cell) in sweep.cells.enumerated() {
            guard let entry = entries[index] else {
                guard missing == .report else {
                    throw RunError("sweep cell \(index) (\(cell.spec.id)) finished without a result")
                }
                absent.append(
                    SweepResult.MissingCell(index: index, xIndex: cell.xIndex, yIndex: cell.yIndex, key: keys[index]))
                continue
            }
            cells.append(
                SweepResult.Cell(
                    xIndex: cell.xIndex, yIndex: cell.yIndex, key: keys[index], value: entry.value,
                    divergedRuns: entry.divergedRuns))
        }
        return SweepResult(
            xLabel: sweep.axes[0].label, yLabel: sweep.axes[1].label, xValues: sweep.axes[0].values,
            yValues: sweep.axes[1].values,
            metric: sweep.metric,
            cells: cells, overlayX: overlay?.x ?? [], overlay: overlay?.y ?? [], overlayCurve: overlay?.curve,
            reusedCells: reused, missingCells: absent)
    }

    /// Computes the cells at `indices` (one run per core) and returns their entries in that
    /// order; each is stored the moment its last run finishes.
    static func compute(
        _ indices: [Int], sweep: SweepExperiment, spec: ExperimentSpec, keys: [String], dataRoot: URL,
        store: SweepCellStore?, progress: RunProgress, loaded: inout [String: Dataset]
    ) throws(RunError) -> [SweepCellStoreEntry] {
        var jobs: [TrainingJobs] = []
        for index in indices {
            let experiment = sweep.cells[index].training
            let cacheKey = "\(experiment.data)|\(experiment.preprocessing)|\(sweep.cells[index].spec.seed)"
            let data: Dataset
            if let cached = loaded[cacheKey] {
                data = cached
            } else {
                data = try TrainingRun.loadData(experiment, seed: sweep.cells[index].spec.seed, root: dataRoot)
                loaded[cacheKey] = data
            }
            jobs.append(try TrainingJobs(experiment, spec: sweep.cells[index].spec, data: data, threadsPerSession: 1))
        }
        let sessions = jobs.flatMap(\.sessions)
        let owner = jobs.enumerated().flatMap { job, runs in Array(repeating: job, count: runs.sessions.count) }
        let remaining = Mutex(jobs.map(\.sessions.count))
        let finished = Mutex([SweepCellStoreEntry?](repeating: nil, count: indices.count))
        let steps = Atomic<Int>(0)
        let total = Double(sessions.reduce(0) { $0 + $1.totalIterations })
        let shared = UncheckedSendable((jobs, indices, keys))
        TrainingSession.runAll(
            sessions, threads: ComputeThreads.count, scheduling: .sequential,
            progress: { count in
                let done = steps.wrappingAdd(count, ordering: .relaxed).newValue
                progress.report(
                    experiment: spec.id, stage: "\(indices.count) of \(sweep.cells.count) cells to compute",
                    fractionDone: Double(done) / max(total, 1))
            },
            finished: { session in
                let job = owner[session]
                let last = remaining.withLock { counts -> Bool in
                    counts[job] -= 1
                    return counts[job] == 0
                }
                guard last else { return }
                let (jobs, indices, keys) = shared.value
                let entry = Self.entry(jobs[job].result(), metric: sweep.metric)
                finished.withLock { $0[job] = entry }
                store?.save(key: keys[indices[job]], entry: entry)
            })
        let entries = finished.withLock { $0 }
        var result: [SweepCellStoreEntry] = []
        for (job, entry) in entries.enumerated() {
            guard let entry else {
                throw RunError(
                    "sweep cell \(indices[job]) (\(sweep.cells[indices[job]].spec.id)) finished without a result")
            }
            result.append(entry)
        }
        return result
    }

    static func compute(
        _ indices: [Int], sweep: SweepExperiment, spec: ExperimentSpec, keys: [String], dataRoot: URL,
        store: SweepCellStore?, progress: RunProgress
    ) throws(RunError) -> [SweepCellStoreEntry] {
        var loaded: [String: Dataset] = [:]
        return try compute(
            indices, sweep: sweep, spec: spec, keys: keys, dataRoot: dataRoot, store: store, progress: progress,
            loaded: &loaded)
    }

    /// The cell's metric, averaged over its runs; a diverged run counts as chance accuracy
    /// (1 / classes) or an infinite loss.
    static func entry(_ result: TrainingResult, metric: SweepMetric) -> SweepCellStoreEntry {
        let runs = result.variants.flatMap(\.runs)
        let chance = 1 / Double(result.classCount)
        let values = runs.map { run -> Double in
            let last = run.log.divergedAt == nil ? run.log.evaluations.last : nil
            switch metric {
            case .testAccuracy: return last?.testAccuracy ?? chance
            case .trainAccuracy: return last?.trainAccuracy ?? chance
            case .finalLoss: return run.log.divergedAt == nil ? run.finalLoss() : .infinity
            }
        }
        return SweepCellStoreEntry(
            value: values.reduce(0, +) / Double(max(values.count, 1)),
            divergedRuns: runs.filter { $0.log.divergedAt != nil }.count)
    }
}
