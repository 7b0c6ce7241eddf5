import LinearAlgebra
import Network
import Randomness
import Results
import Spec

/// Kind "activations": one input batch through each variant's untrained network.
enum ActivationsRun {
    static func run(_ experiment: ActivationsExperiment, spec: ExperimentSpec, progress: RunProgress) throws(RunError)
        -> ActivationsResult
    {
        let input = inputBatch(experiment.input, seed: spec.seed)
        var traces: [[DenseNetwork.LayerTrace]] = []
        var lsuvRescalings: [[Int]?] = []
        for (index, variant) in experiment.variants.enumerated() {
            progress.report(
                experiment: spec.id, stage: "variant \(variant.label)",
                fractionDone: Double(index) / Double(experiment.variants.count))
            let (network, lsuv) = try NetworkBuilder.build(
                variant.network, inputDimension: experiment.input.dimension,
                variantKey: variant.key, seed: spec.seed, lsuvBatch: input)
            traces.append(network.forward(input))
            lsuvRescalings.append(lsuv?.map(\.rescalings))
        }
        let binned: (DenseNetwork.LayerTrace) -> [Float] = { trace in
            experiment.histogram.values == .activation ? trace.activation.elements : trace.preactivation.elements
        }
        let histogram: Histogram
        switch experiment.histogram.range {
        case .fixed(let low, let high):
            histogram = Histogram(low: low, high: high, bins: experiment.histogram.bins)
        case .automatic:
            let range = Histogram.automaticRange(traces.flatMap { $0.map(binned) })
            histogram = Histogram(low: range.low, high: range.high, bins: experiment.histogram.bins)
        }
        let variants = zip(experiment.variants, zip(traces, lsuvRescalings)).map { variant, pair in
            ActivationsResult.VariantLayers(
                key: variant.key, label: variant.label, activation: variant.network.activation.label,
                widths: variant.network.widths, lsuvRescalings: pair.1,
                layers: pair.0.enumerated().map { index, trace in
                    let separate =
                        experiment.histogram.separateZeros && variant.network.activation.hasExactZeros
                        && experiment.histogram.values == .activation
                    return statistics(
                        layer: index + 1, trace: trace, activation: variant.network.activation, histogram: histogram,
                        binned: binned(trace), separateZeros: separate)
                })
        }
        progress.report(experiment: spec.id, stage: "done", fractionDone: 1)
        return ActivationsResult(
            histogramEdges: histogram.edges, histogramValues: experiment.histogram.values,
            input: experiment.input.summary, inputCount: experiment.input.count, variants: variants)
    }

    /// The shared input batch, drawn from stream `input` row by row.
    static func inputBatch(_ input: InputSpec, seed: UInt64) -> Matrix<Float> {
        var stream = RandomStream(seed: seed, path: "input")
        return Matrix(rows: input.count, columns: input.dimension) { _, _ in
            switch input.distribution {
            case .normal(let mean, let std): Float(stream.nextNormal(mean: mean, standardDeviation: std))
            case .uniform(let low, let high): Float(stream.nextUniform(low: low, high: high))
            }
        }
    }

    private static func statistics(
        layer: Int, trace: DenseNetwork.LayerTrace, activation: Activation, histogram: Histogram,
        binned: [Float], separateZeros: Bool
    ) -> LayerActivationStatistics {
        let values = trace.activation.elements
        let moments = Moments(values)
        let preactivation = Moments(trace.preactivation.elements)
        var saturated: Double?
        if let range = activation.boundedRange {
            let margin = 0.01 * (range.upper - range.lower)
            let count = values.reduce(0) {
                $0 + (Double($1) < range.lower + margin || Double($1) > range.upper - margin ? 1 : 0)
            }
            saturated = Double(count) / Double(values.count)
        }
        let zero =
            activation.hasExactZeros ? Double(values.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }) / Double(values.count) : nil
        let zeros = separateZeros ? binned.reduce(0) { $0 + ($1 == 0 ? 1 : 0) } : 0
        let counted = histogram.count(separateZeros ? binned.filter { $0 != 0 } : binned)
        return LayerActivationStatistics(
            layer: layer, mean: moments.mean, standardDeviation: moments.standardDeviation, minimum: moments.minimum,
            maximum: moments.maximum, fractionSaturated: saturated, fractionZero: zero,
            preactivationMean: preactivation.mean,
            preactivationStandardDeviation: preactivation.standardDeviation, histogram: counted.counts,
            belowRange: counted.below, aboveRange: counted.above, nonFinite: counted.nonFinite, separatedZeros: zeros)
    }
}
