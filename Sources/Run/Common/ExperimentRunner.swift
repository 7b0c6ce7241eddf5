import Foundation
import LinearAlgebra
import Results
import Spec

/// Runs a validated experiment and returns its results; pure apart from reading data files
/// (under `dataRoot`) and progress reports.
public enum ExperimentRunner {
    /// Refuses, before allocating anything, a spec whose estimated peak memory exceeds
    /// `memoryLimit` (by default `MemoryLimit.current()`), or whose estimated time exceeds
    /// `timeLimit` (by default `TimeLimit.current()`), naming the estimate and the limit.
    /// `missingSweepCells` says whether a sweep computes the cells its store lacks or lists
    /// them as missing.
    public static func run(
        _ spec: ExperimentSpec, dataRoot: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        cellStore: SweepCellStore? = nil, progress: RunProgress = .silent, memoryLimit: MemoryLimit? = nil,
        timeLimit: TimeLimit? = nil, missingSweepCells: MissingSweepCells = .compute
    ) throws(RunError) -> ExperimentResult {
        let limit: MemoryLimit
        if let memoryLimit { limit = memoryLimit } else { limit = try MemoryLimit.current() }
        try checkMemory(spec, dataRoot: dataRoot, limit: limit)
        let time: TimeLimit
        if let timeLimit { time = timeLimit } else { time = try TimeLimit.current() }
        try checkTime(spec, limit: time, threads: ComputeThreads.count)
        let body: ExperimentResult.Body
        switch spec.body {
        case .activations(let experiment):
            body = .activations(try ActivationsRun.run(experiment, spec: spec, progress: progress))
        case .training(let experiment):
            body = .training(try TrainingRun.run(experiment, spec: spec, dataRoot: dataRoot, progress: progress))
        case .meanField(let experiment):
            body = .meanField(MeanFieldRun.run(experiment, spec: spec, progress: progress))
        case .jacobian(let experiment):
            body = .jacobian(try JacobianRun.run(experiment, spec: spec, progress: progress))
        case .sweep(let sweep):
            body = .sweep(
                try SweepRun.run(
                    sweep, spec: spec, dataRoot: dataRoot, store: cellStore, progress: progress,
                    missing: missingSweepCells))
        }
        return ExperimentResult(experimentID: spec.id, seed: spec.seed, body: body)
    }

    /// Throws when the estimate of `spec` exceeds `limit`: "needs about 74.5 GB (network weights
    /// 40 GB, ...); this machine allows 19 GB (...)" (the workflow names the file).
    public static func checkMemory(_ spec: ExperimentSpec, dataRoot: URL, limit: MemoryLimit) throws(RunError) {
        let estimate = MemoryEstimate.of(spec, dataRoot: dataRoot)
        guard estimate.totalBytes > limit.bytes else { return }
        throw RunError(
            "needs \(estimate.summary); this machine allows \(MemoryEstimate.format(limit.bytes)) "
                + "(\(limit.source))")
    }

    /// Throws when the run of `spec` on `threads` threads would take longer than `limit`.
    public static func checkTime(_ spec: ExperimentSpec, limit: TimeLimit, threads: Int) throws(RunError) {
        let estimate = TimeEstimate.of(spec, threads: threads)
        guard estimate.totalSeconds > limit.seconds else { return }
        throw RunError(
            "would take \(estimate.summary) on \(threads) thread\(threads == 1 ? "" : "s"); the limit is "
                + "\(TimeEstimate.format(limit.seconds)) (\(limit.source))")
    }
}
