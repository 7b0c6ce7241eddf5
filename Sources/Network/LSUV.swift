import LinearAlgebra

/// Layer-sequential unit-variance initialization (Mishkin & Matas, ICLR 2016).
///
/// Starting from the network's current weights (orthogonal in the paper), go through the layers
/// in order; for each, forward the batch, take the variance v of the layer's output over the whole
/// batch, and while |v - 1| >= tolerance and fewer than `maxIterations` tries, divide the weight
/// by sqrt(v). Defaults follow the authors' Caffe script: tolerance 0.02, 20 tries, variance
/// measured on the pre-activation (before an in-place ReLU).
public struct LSUV: Hashable, Sendable {
    /// Which output of a layer is brought to unit variance.
    public enum Measurement: String, Hashable, Sendable, CaseIterable {
        case preactivation
        case activation
    }

    public var tolerance: Double
    public var maxIterations: Int
    public var measurement: Measurement

    public init(tolerance: Double = 0.02, maxIterations: Int = 20, measurement: Measurement = .preactivation) {
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.measurement = measurement
    }

    /// What LSUV did to one layer.
    public struct LayerOutcome: Hashable, Sendable {
        public let initialVariance: Double
        public let finalVariance: Double
        public let rescalings: Int
    }

    /// Rescales the network's weights in place and reports each layer's outcome.
    public func apply(to network: inout DenseNetwork, batch: Matrix<Float>) -> [LayerOutcome] {
        var input = batch
        var outcomes: [LayerOutcome] = []
        for index in network.layers.indices {
            var variance = measure(network.layers[index], input)
            let initial = variance
            var rescalings = 0
            while abs(variance - 1) >= tolerance, rescalings < maxIterations, variance > 0, variance.isFinite {
                let factor = Float(1 / variance.squareRoot())
                for element in network.layers[index].weight.elements.indices {
                    network.layers[index].weight.elements[element] *= factor
                }
                rescalings += 1
                variance = measure(network.layers[index], input)
            }
            outcomes.append(LayerOutcome(initialVariance: initial, finalVariance: variance, rescalings: rescalings))
            input = network.layers[index].activate(network.layers[index].preactivation(input))
        }
        return outcomes
    }

    private func measure(_ layer: DenseLayer, _ input: Matrix<Float>) -> Double {
        let h = layer.preactivation(input)
        let values = measurement == .preactivation ? h.elements : layer.activate(h).elements
        var sum = 0.0
        for value in values { sum += Double(value) }
        let mean = sum / Double(values.count)
        var squares = 0.0
        for value in values { squares += (Double(value) - mean) * (Double(value) - mean) }
        return squares / Double(values.count)
    }
}
