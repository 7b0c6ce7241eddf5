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
        _ sweep: SweepExperiment, spec: ExperimentSpec, dataRoot: URL, store: SweepCellStore?, progress: RunProgress
    ) throws(RunError) -> SweepResult {
        let keys = sweep.cells.map { store?.key(for: $0.spec, metric: sweep.metric) ?? "" }
        var entries: [SweepCellStoreEntry?] = keys.map { key in store?.load(key: key) }
        let reused = entries.compactMap { $0 }.count
        let pending = sweep.cells.indices.filter { entries[$0] == nil }
        // Data sets are shared between cells with the same source.
        var loaded: [String: Dataset] = [:]
        var jobs: [TrainingJobs] = []
        for index in pending {
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
        let finished = Mutex(entries)
        let steps = Atomic<Int>(0)
        let total = Double(sessions.reduce(0) { $0 + $1.totalIterations })
        let shared = UncheckedSendable((jobs, pending, keys))
        TrainingSession.runAll(
            sessions, threads: ComputeThreads.count, scheduling: .sequential,
            progress: { count in
                let done = steps.wrappingAdd(count, ordering: .relaxed).newValue
                progress.report(
                    experiment: spec.id, stage: "\(pending.count) of \(sweep.cells.count) cells to compute",
                    fractionDone: Double(done) / max(total, 1))
            },
            finished: { session in
                let job = owner[session]
                let last = remaining.withLock { counts -> Bool in
                    counts[job] -= 1
                    return counts[job] == 0
                }
                guard last else { return }
                let (jobs, pending, keys) = shared.value
                let entry = Self.entry(jobs[job].result(), metric: sweep.metric)
                finished.withLock { $0[pending[job]] = entry }
                store?.save(key: keys[pending[job]], entry: entry)
            })
        entries = finished.withLock { $0 }
        var overlayX: [Double] = []
        var overlay: [Double] = []
        var overlayCurve: SweepResult.OverlayCurve?
        if let request = sweep.overlay {
            // A fine curve from the first cell's outer edge to the last's (the grid itself is
            // too coarse near the EOC, where the depth scale diverges).
            let values = sweep.axes[0].values.sorted()
            let low = values.count > 1 ? values[0] - (values[1] - values[0]) / 2 : values[0] - 0.5
            let high =
                values.count > 1
                ? values[values.count - 1] + (values[values.count - 1] - values[values.count - 2]) / 2 : values[0] + 0.5
            overlayX = (0...200).map { low + (high - low) * Double($0) / 200 }
            overlay = overlayX.map { sigmaW2 in
                request.multiple
                    * MeanFieldSummary(
                        MeanField(activation: request.activation, sigmaW2: sigmaW2, sigmaB2: request.sigmaB2)
                    ).xiC
            }
            overlayCurve = SweepResult.OverlayCurve(
                activation: request.activation.label, sigmaB2: request.sigmaB2, multiple: request.multiple)
        }
        return SweepResult(
            xLabel: sweep.axes[0].label, yLabel: sweep.axes[1].label, xValues: sweep.axes[0].values,
            yValues: sweep.axes[1].values,
            metric: sweep.metric,
            cells: sweep.cells.enumerated().map { index, cell in
                SweepResult.Cell(
                    xIndex: cell.xIndex, yIndex: cell.yIndex, key: keys[index], value: entries[index]!.value,
                    divergedRuns: entries[index]!.divergedRuns)
            },
            overlayX: overlayX, overlay: overlay, overlayCurve: overlayCurve, reusedCells: reused)
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
