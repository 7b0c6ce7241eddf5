import Spec

extension JacobianRun {
    /// Width x width matrices in double precision: the running Jacobian, the layer's weights (and
    /// the Gaussian matrix and QR factors behind an orthogonal one), the product, J J^T and the
    /// eigenvalue solver's copy; plus the spectra kept for every depth and variant.
    static func memoryEstimate(_ experiment: JacobianExperiment) -> MemoryEstimate {
        var estimate = MemoryEstimate()
        let square = Double(experiment.width) * Double(experiment.width)
        let orthogonal = experiment.variants.contains { $0.orthogonal }
        estimate.add("network weights", doubles: (orthogonal ? 3 : 1) * square)
        estimate.add("jacobian products", doubles: 4 * square)
        estimate.add(
            "spectra",
            doubles: Double(experiment.variants.count * experiment.depths.count) * Double(experiment.width))
        return estimate
    }
}
