import Foundation
import Spec

extension SweepRun {
    /// Every cell's runs are set up before the first step (cells then finish one by one), so
    /// all cells count, as if none were stored yet; data sets are loaded once per source.
    static func memoryEstimate(_ sweep: SweepExperiment, dataRoot: URL, threads: Int) -> MemoryEstimate {
        var estimate = MemoryEstimate()
        var sources = Set<String>()
        for cell in sweep.cells {
            let experiment = cell.training
            if sources.insert("\(experiment.data)|\(experiment.preprocessing)|\(cell.spec.seed)").inserted {
                estimate.add(TrainingRun.dataEstimate(experiment, dataRoot: dataRoot))
            }
            estimate.add(TrainingRun.runsEstimate(experiment, dataRoot: dataRoot, threads: threads))
        }
        return estimate
    }
}
