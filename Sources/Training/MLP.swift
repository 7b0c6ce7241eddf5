import LinearAlgebra
import Network

/// The parameters of a multilayer perceptron, in `Float` for experiments or `Double` for
/// gradient checks.
///
/// Weights of affine map l are stored inputs x outputs, row-major (`X * W`); biases have one
/// value per output (empty when the layer has none); batch-normalization scale and shift exist
/// for hidden layers when enabled.
public struct MLP<Scalar: TrainingScalar>: Sendable {
    public let configuration: MLPConfiguration
    public var weights: [[Scalar]]
    public var biases: [[Scalar]]
    public var gammas: [[Scalar]]
    public var betas: [[Scalar]]
    /// Batch-normalization statistics for evaluation: exponential averages of batch means and
    /// (unbiased) variances, momentum 0.1.
    public var runningMeans: [[Scalar]]
    public var runningVariances: [[Scalar]]

    /// A network with the given weights (inputs x outputs per layer) and biases; batch
    /// normalization starts at gamma 1, beta 0.
    public init(configuration: MLPConfiguration, weights: [[Scalar]], biases: [[Scalar]]) {
        let widths = configuration.widths
        precondition(weights.count == configuration.layerCount, "expected \(configuration.layerCount) weight matrices")
        for layer in 0..<configuration.layerCount {
            precondition(
                weights[layer].count == widths[layer] * widths[layer + 1], "weight \(layer) has the wrong size")
            precondition(
                biases[layer].count == (configuration.hasBias(layer) ? widths[layer + 1] : 0),
                "bias \(layer) has the wrong size")
        }
        self.configuration = configuration
        self.weights = weights
        self.biases = biases
        let normalized = configuration.batchNormalization ? configuration.hidden : []
        gammas = normalized.map { [Scalar](repeating: 1, count: $0) }
        betas = normalized.map { [Scalar](repeating: 0, count: $0) }
        runningMeans = normalized.map { [Scalar](repeating: 0, count: $0) }
        runningVariances = normalized.map { [Scalar](repeating: 1, count: $0) }
    }

    /// Every trainable array in a fixed order: weights, biases, gammas, betas (per layer).
    var parameterCount: Int {
        weights.reduce(0) { $0 + $1.count } + biases.reduce(0) { $0 + $1.count }
            + gammas.reduce(0) { $0 + $1.count } + betas.reduce(0) { $0 + $1.count }
    }

    /// Whether every parameter is finite.
    /// Checked during training, so written to allocate nothing (no array of the groups, no
    /// generic iterator).
    public var isFinite: Bool {
        func finite(_ group: [[Scalar]]) -> Bool {
            for array in 0..<group.count {
                let allFinite = group[array].withUnsafeBufferPointer { values in
                    for index in 0..<values.count where !values[index].isFinite { return false }
                    return true
                }
                if !allFinite { return false }
            }
            return true
        }
        return finite(weights) && finite(biases) && finite(gammas) && finite(betas)
    }
}

/// Gradients with the layout of `MLP`'s parameters.
public struct MLPGradients<Scalar: TrainingScalar>: Sendable {
    public var weights: [[Scalar]]
    public var biases: [[Scalar]]
    public var gammas: [[Scalar]]
    public var betas: [[Scalar]]

    init(zeroLike mlp: MLP<Scalar>) {
        weights = mlp.weights.map { [Scalar](repeating: 0, count: $0.count) }
        biases = mlp.biases.map { [Scalar](repeating: 0, count: $0.count) }
        gammas = mlp.gammas.map { [Scalar](repeating: 0, count: $0.count) }
        betas = mlp.betas.map { [Scalar](repeating: 0, count: $0.count) }
    }

    /// The Frobenius norm of each weight gradient, summed in index order in double precision.
    public var weightNorms: [Double] {
        weights.map { gradient in (gradient.reduce(0.0) { $0 + Double($1) * Double($1) }).squareRoot() }
    }
}
