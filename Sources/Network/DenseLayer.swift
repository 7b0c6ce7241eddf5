import LinearAlgebra

/// One fully connected layer: h = x W + b, a = phi(h).
public struct DenseLayer: Sendable {
    /// The weight, stored inputs x outputs.
    public var weight: Matrix<Float>
    /// The bias, one per output; `nil` for a layer without bias.
    public var bias: [Float]?
    public var activation: Activation

    public init(weight: Matrix<Float>, bias: [Float]?, activation: Activation) {
        precondition(bias == nil || bias!.count == weight.columns, "bias length must equal the layer's outputs")
        self.weight = weight
        self.bias = bias
        self.activation = activation
    }

    public var inputs: Int { weight.rows }
    public var outputs: Int { weight.columns }

    /// The pre-activation x W + b of a batch (one sample per row).
    public func preactivation(_ input: Matrix<Float>) -> Matrix<Float> {
        var h = input.multiplied(by: weight)
        if let bias {
            for row in 0..<h.rows {
                for column in 0..<h.columns { h[row, column] += bias[column] }
            }
        }
        return h
    }

    /// phi applied elementwise.
    public func activate(_ preactivation: Matrix<Float>) -> Matrix<Float> {
        var a = preactivation
        for index in a.elements.indices { a.elements[index] = activation.value(a.elements[index]) }
        return a
    }
}
