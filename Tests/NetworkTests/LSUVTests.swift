import LinearAlgebra
import Network
import Randomness
import Testing

@Suite struct LSUVTests {
    @Test func bringsEveryLayerToUnitVariance() throws {
        var inputStream = RandomStream(seed: 1, path: "input")
        let batch = Matrix<Float>(rows: 256, columns: 50) { _, _ in Float(inputStream.nextNormal()) }
        var network = DenseNetwork(
            layers: try (0..<4).map { layer in
                var stream = RandomStream(seed: 1, path: "layer/\(layer)/weight")
                let weight = try Initializer.orthogonal(gain: 3).denseWeight(inputs: 50, outputs: 50, stream: &stream)
                return DenseLayer(weight: weight, bias: nil, activation: .tanh)
            })
        let outcomes = LSUV().apply(to: &network, batch: batch)
        #expect(outcomes.count == 4)
        #expect(outcomes.allSatisfy { abs($0.finalVariance - 1) < 0.02 })
        #expect(outcomes[0].initialVariance > 5 && outcomes[0].rescalings >= 1)
    }

    /// One rescaling by 1/sqrt(v) of a linear layer's weights gives exactly unit variance.
    @Test func linearLayerNeedsOneRescaling() throws {
        var inputStream = RandomStream(seed: 2, path: "input")
        let batch = Matrix<Float>(rows: 512, columns: 20) { _, _ in Float(inputStream.nextNormal()) }
        var stream = RandomStream(seed: 2, path: "w")
        let weight = try Initializer.normal(mean: 0, std: 0.7).denseWeight(inputs: 20, outputs: 30, stream: &stream)
        var network = DenseNetwork(layers: [DenseLayer(weight: weight, bias: nil, activation: .identity)])
        let outcome = LSUV().apply(to: &network, batch: batch)[0]
        #expect(outcome.rescalings == 1)
        #expect(abs(outcome.finalVariance - 1) < 1e-4)
    }
}
