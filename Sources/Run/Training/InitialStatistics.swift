import LinearAlgebra
import Results
import Training

/// Histograms of activations and back-propagated gradients at initialization for every
/// variant, on one probe batch, with ONE set of edges per quantity shared by all variants
/// (Glorot & Bengio 2010, figures 6 and 7).
struct InitialStatistics {
    let activationEdges: [Double]
    let gradientEdges: [Double]
    let states: [TrainingResult.InitialState]

    init(networks: [MLP<Float>], probe: LabeledSamples, loss: Loss, bins: Int) {
        var activations: [[[Float]]] = []
        var gradients: [[[Float]]] = []
        var variances: [[Double]] = []
        for var network in networks {
            let engine = MLPEngine<Float>(configuration: network.configuration, capacity: probe.count)
            probe.features.elements.withUnsafeBufferPointer { input in
                engine.forward(&network, input: input.baseAddress!, rows: probe.count, training: true)
                _ = probe.labels.withUnsafeBufferPointer { engine.loss(loss, labels: $0.baseAddress!) }
                engine.backward(network, input: input.baseAddress!)
            }
            let layers = network.configuration.hidden.indices
            activations.append(layers.map { Array(engine.activations(ofLayer: $0)) })
            gradients.append(layers.map { Array(engine.backpropagatedGradient(ofLayer: $0)) })
            // Variance of H = X W + b: recomputed from the previous layer's activations.
            variances.append(
                layers.map { layer in
                    let input =
                        layer == 0
                        ? probe.features
                        : Matrix(
                            rows: probe.count, columns: network.configuration.widths[layer],
                            elements: activations.last![layer - 1])
                    let weight = Matrix(
                        rows: network.configuration.widths[layer], columns: network.configuration.widths[layer + 1],
                        elements: network.weights[layer])
                    var h = input.multiplied(by: weight)
                    if !network.biases[layer].isEmpty {
                        for row in 0..<h.rows { for j in 0..<h.columns { h[row, j] += network.biases[layer][j] } }
                    }
                    return Moments(h.elements).standardDeviation * Moments(h.elements).standardDeviation
                })
        }
        let activationRange = Histogram.automaticRange(activations.flatMap { $0 })
        let largestGradient =
            gradients.flatMap { $0 }.flatMap { $0 }.filter(\.isFinite).map { abs(Double($0)) }.max() ?? 1
        let activationHistogram = Histogram(low: activationRange.low, high: activationRange.high, bins: bins)
        let gradientHistogram = Histogram(
            low: -max(largestGradient, 1e-30), high: max(largestGradient, 1e-30), bins: bins)
        activationEdges = activationHistogram.edges
        gradientEdges = gradientHistogram.edges
        states = networks.indices.map { index in
            let activationCounts = activations[index].map { activationHistogram.count($0) }
            let gradientCounts = gradients[index].map { gradientHistogram.count($0) }
            return TrainingResult.InitialState(
                activationHistograms: activationCounts.map(\.counts), gradientHistograms: gradientCounts.map(\.counts),
                preactivationVariances: variances[index],
                gradientStandardDeviations: gradients[index].map { Moments($0).standardDeviation },
                activationsOutside: activationCounts.map { $0.below + $0.above + $0.nonFinite },
                gradientsOutside: gradientCounts.map { $0.below + $0.above + $0.nonFinite })
        }
    }
}
