import LinearAlgebra
import Randomness
import Results
import Spec
import Theory

/// Kind "jacobian": one network per variant, spectra at every requested depth.
enum JacobianRun {
    static func run(_ experiment: JacobianExperiment, spec: ExperimentSpec, progress: RunProgress) throws(RunError)
        -> JacobianResult
    {
        var variants = [JacobianResult.Variant?](repeating: nil, count: experiment.variants.count)
        var failure: String?
        let deepest = max(experiment.depths.max() ?? 1, 1)
        for (index, variant) in experiment.variants.enumerated() {
            // Per layer: a wide, deep variant takes minutes.
            let stage = StageProgress(
                progress, experiment: spec.id, stage: variant.label,
                from: Double(index) / Double(experiment.variants.count),
                to: Double(index + 1) / Double(experiment.variants.count), total: deepest)
            let sigmaW2: Double
            if let given = variant.sigmaW2 {
                sigmaW2 = given
            } else if let point = EdgeOfChaos(activation: variant.activation).critical(sigmaB2: variant.sigmaB2) {
                sigmaW2 = point.sigmaW2
            } else {
                failure =
                    "variant \(variant.label): \(variant.activation.label) has no edge of chaos at sigma_b^2 = \(variant.sigmaB2); give sigma_w2 as a number"
                break
            }
            let field = MeanField(activation: variant.activation, sigmaW2: sigmaW2, sigmaB2: variant.sigmaB2)
            let spectrum = JacobianSpectrum(
                meanField: field, width: experiment.width, weights: variant.orthogonal ? .orthogonal : .gaussian)
            let values = spectrum.squaredSingularValues(
                depths: experiment.depths, root: RandomStream(seed: spec.seed, path: "variant/\(variant.key)")
            ) { _ in stage.step() }
            let q = spectrum.inputVariance
            variants[index] = JacobianResult.Variant(
                key: variant.key, label: variant.label, sigmaW2: sigmaW2, sigmaB2: variant.sigmaB2, inputVariance: q,
                chi1: field.chi1(at: q),
                spectra: experiment.depths.map { depth in
                    let predicted = spectrum.predictedMoments(depth: depth)
                    return JacobianResult.Spectrum(
                        depth: depth, squaredSingularValues: values[depth] ?? [],
                        predictedMean: predicted.mean, predictedVariance: predicted.variance)
                })
        }
        if let failure { throw RunError(failure) }
        return JacobianResult(width: experiment.width, bins: experiment.bins, variants: variants.compactMap { $0 })
    }
}
