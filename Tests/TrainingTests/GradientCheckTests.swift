import Network
import Randomness
import Testing

@testable import Training

/// Backpropagation against central finite differences in double precision, for every activation,
/// both losses, with and without batch normalization, for every parameter.
@Suite struct GradientCheckTests {
    static let activations: [Activation] = [
        .identity, .sigmoid, .tanh, .relu, .leakyReLU(slope: 0.2), .elu(alpha: 1), .selu, .gelu, .swish, .softsign,
        .softplus, .erf,
    ]

    static func network(_ activation: Activation, batchNormalization: Bool) -> MLP<Double> {
        let configuration = MLPConfiguration(
            inputs: 5, hidden: [4, 3], outputs: 3, activation: activation, batchNormalization: batchNormalization)
        var stream = RandomStream(seed: 11, path: "gradient-check")
        let widths = configuration.widths
        let weights = (0..<configuration.layerCount).map { layer in
            (0..<(widths[layer] * widths[layer + 1])).map { _ in stream.nextNormal() * 0.8 }
        }
        let biases = (0..<configuration.layerCount).map { layer in
            configuration.hasBias(layer) ? (0..<widths[layer + 1]).map { _ in stream.nextNormal() * 0.3 } : []
        }
        var mlp = MLP(configuration: configuration, weights: weights, biases: biases)
        for layer in mlp.gammas.indices {
            mlp.gammas[layer] = mlp.gammas[layer].map { _ in 1 + 0.3 * stream.nextNormal() }
            mlp.betas[layer] = mlp.betas[layer].map { _ in 0.3 * stream.nextNormal() }
        }
        return mlp
    }

    static let rows = 6
    static let input: [Double] = {
        var stream = RandomStream(seed: 12, path: "gradient-check/input")
        return (0..<(rows * 5)).map { _ in stream.nextNormal() }
    }()
    static let labels: [Int32] = [0, 2, 1, 1, 0, 2]

    static func loss(_ mlp: MLP<Double>, _ loss: Loss, engine: MLPEngine<Double>) -> Double {
        var copy = mlp
        return input.withUnsafeBufferPointer { input in
            engine.forward(&copy, input: input.baseAddress!, rows: rows, training: true)
            return labels.withUnsafeBufferPointer { engine.loss(loss, labels: $0.baseAddress!) }
        }
    }

    /// Max relative error between backprop and finite differences over every parameter.
    static func worstError(_ activation: Activation, batchNormalization: Bool, loss: Loss) -> Double {
        let mlp = network(activation, batchNormalization: batchNormalization)
        let engine = MLPEngine<Double>(configuration: mlp.configuration, capacity: rows)
        _ = Self.loss(mlp, loss, engine: engine)
        input.withUnsafeBufferPointer { engine.backward(mlp, input: $0.baseAddress!) }
        let analytic = engine.gradients!
        var worst = 0.0
        let h = 1e-6
        func check(_ path: WritableKeyPath<MLP<Double>, [[Double]]>, _ gradient: [[Double]]) {
            for layer in mlp[keyPath: path].indices {
                for index in mlp[keyPath: path][layer].indices {
                    var plus = mlp
                    var minus = mlp
                    plus[keyPath: path][layer][index] += h
                    minus[keyPath: path][layer][index] -= h
                    let numeric =
                        (Self.loss(plus, loss, engine: engine) - Self.loss(minus, loss, engine: engine)) / (2 * h)
                    let error =
                        abs(numeric - gradient[layer][index]) / max(1e-3, abs(numeric) + abs(gradient[layer][index]))
                    worst = max(worst, error)
                }
            }
        }
        check(\.weights, analytic.weights)
        check(\.biases, analytic.biases)
        check(\.gammas, analytic.gammas)
        check(\.betas, analytic.betas)
        return worst
    }

    @Test(arguments: activations)
    func crossEntropyGradientsMatchFiniteDifferences(activation: Activation) {
        #expect(Self.worstError(activation, batchNormalization: false, loss: .crossEntropy) < 1e-6)
    }

    @Test(arguments: activations)
    func batchNormalizedGradientsMatchFiniteDifferences(activation: Activation) {
        #expect(Self.worstError(activation, batchNormalization: true, loss: .crossEntropy) < 1e-6)
    }

    @Test(arguments: [Activation.tanh, .relu, .gelu])
    func meanSquaredErrorGradientsMatchFiniteDifferences(activation: Activation) {
        #expect(Self.worstError(activation, batchNormalization: false, loss: .meanSquaredError) < 1e-6)
        #expect(Self.worstError(activation, batchNormalization: true, loss: .meanSquaredError) < 1e-6)
    }

    @Test func crossEntropyOfUniformLogitsIsLogOfTheClassCount() {
        let logits = [Double](repeating: 0.3, count: 20)
        let labels: [Int32] = [3, 7]
        var gradient = [Double](repeating: 0, count: 20)
        let loss = logits.withUnsafeBufferPointer { z in
            labels.withUnsafeBufferPointer { y in
                gradient.withUnsafeMutableBufferPointer { g in
                    Loss.crossEntropy.evaluate(
                        logits: z.baseAddress!, labels: y.baseAddress!, rows: 2, classes: 10, gradient: g.baseAddress!)
                }
            }
        }
        #expect(abs(loss - 2.302585092994046) < 1e-12)
    }
}
