import Foundation
import Results
import Spec

/// Runs a validated experiment and returns its results; pure apart from reading data files
/// (under `dataRoot`) and progress reports.
public enum ExperimentRunner {
    /// `missingSweepCells` says whether a sweep computes the cells its store lacks or lists
    /// them as missing.
    public static func run(
        _ spec: ExperimentSpec, dataRoot: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        cellStore: SweepCellStore? = nil, progress: RunProgress = .silent,
        missingSweepCells: MissingSweepCells = .compute
    ) throws(RunError) -> ExperimentResult {
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
}
