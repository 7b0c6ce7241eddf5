import LinearAlgebra

/// A stack of dense layers: the model an experiment builds and initializes.
public struct DenseNetwork: Sendable {
    public var layers: [DenseLayer]

    public init(layers: [DenseLayer]) {
        for (lower, upper) in zip(layers, layers.dropFirst()) {
            precondition(
                lower.outputs == upper.inputs, "layer widths do not chain: \(lower.outputs) -> \(upper.inputs)")
        }
        self.layers = layers
    }

    /// What one layer computed for a batch.
    public struct LayerTrace: Sendable {
        public let preactivation: Matrix<Float>
        public let activation: Matrix<Float>
    }

    /// Forwards a batch (one sample per row) and keeps every layer's values.
    public func forward(_ input: Matrix<Float>) -> [LayerTrace] {
        var current = input
        var traces: [LayerTrace] = []
        for layer in layers {
            let h = layer.preactivation(current)
            current = layer.activate(h)
            traces.append(LayerTrace(preactivation: h, activation: current))
        }
        return traces
    }
}
