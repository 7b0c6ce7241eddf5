import Spec

extension MeanFieldRun {
    /// Grids and curves of doubles, and the finite-width networks: per seed two signals of
    /// `width` and the recorded q and c per layer (the weights are drawn on the fly).
    static func memoryEstimate(_ experiment: MeanFieldExperiment, threads: Int) -> MemoryEstimate {
        var estimate = MemoryEstimate()
        if let diagram = experiment.phaseDiagram {
            estimate.add("grids and curves", doubles: 2 * Double(diagram.rows * diagram.columns))
        }
        if let scales = experiment.depthScales { estimate.add("grids and curves", doubles: 3 * Double(scales.points)) }
        if let curves = experiment.correlationDepth {
            let pairs = Double(curves.activations.count * max(curves.sigmaB2.count, 1))
            estimate.add("grids and curves", doubles: pairs * Double(curves.depth))
        }
        if let empirical = experiment.empirical {
            estimate.add("activations", doubles: Double(threads) * 6 * Double(empirical.width))
            estimate.add("grids and curves", doubles: 6 * Double(empirical.seeds) * Double(empirical.depth))
        }
        return estimate
    }
}
