import Network

/// The shape of a trainable multilayer perceptron: hidden layers with one activation, an affine
/// output layer producing logits, optional batch normalization after each hidden affine map.
public struct MLPConfiguration: Sendable, Hashable {
    public var inputs: Int
    public var hidden: [Int]
    public var outputs: Int
    public var activation: Activation
    /// Batch normalization (Ioffe & Szegedy 2015) between each hidden affine map and its
    /// activation: batch statistics in training, running averages (momentum 0.1) for evaluation.
    public var batchNormalization: Bool
    /// Whether hidden layers add a bias (the output layer always does). With batch normalization
    /// the bias is redundant (beta plays its role) and is not used.
    public var hiddenBias: Bool

    public init(
        inputs: Int, hidden: [Int], outputs: Int, activation: Activation, batchNormalization: Bool = false,
        hiddenBias: Bool = true
    ) {
        self.inputs = inputs
        self.hidden = hidden
        self.outputs = outputs
        self.activation = activation
        self.batchNormalization = batchNormalization
        self.hiddenBias = hiddenBias
    }

    /// Widths of every layer, input first, output last.
    public var widths: [Int] { [inputs] + hidden + [outputs] }
    /// Number of affine maps (hidden layers plus the output layer).
    public var layerCount: Int { hidden.count + 1 }
    /// Whether affine map `layer` (0-based) adds a bias.
    public func hasBias(_ layer: Int) -> Bool { layer == hidden.count || (hiddenBias && !batchNormalization) }

    /// Multiply-adds of one forward pass per sample (the backward pass costs about twice this,
    /// minus the unneeded gradient for the input).
    public var multiplyAddsPerSample: Int { zip(widths, widths.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 } }
}
