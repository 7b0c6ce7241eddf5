import LinearAlgebra
import Network
import Randomness
import Spec

/// Builds and initializes the network of a variant from its spec.
///
/// Stream paths: `variant/<key>/layer/<l>/weight` and `.../bias` (l from 1), so adding a
/// variant or a layer never changes another layer's numbers. LSUV, when requested, runs on the
/// given batch after the base initializer.
enum NetworkBuilder {
    static func build(
        _ network: NetworkSpec, inputDimension: Int, variantKey: String, seed: UInt64,
        lsuvBatch: Matrix<Float>?
    ) throws(RunError) -> (network: DenseNetwork, lsuv: [LSUV.LayerOutcome]?) {
        let root = RandomStream(seed: seed, path: "variant/\(variantKey)")
        var layers: [DenseLayer] = []
        var inputs = inputDimension
        for (index, outputs) in network.widths.enumerated() {
            let layer = root.derive("layer/\(index + 1)")
            var weightStream = layer.derive("weight")
            let weight: Matrix<Float>
            do {
                weight = try network.initializer.weight.denseWeight(
                    inputs: inputs, outputs: outputs, stream: &weightStream)
            } catch {
                throw RunError("variant \(variantKey), layer \(index + 1): \(error.description)")
            }
            var bias: [Float]?
            if let rule = network.bias {
                var biasStream = layer.derive("bias")
                bias = rule.sampleBias(for: WeightShape(inputs: inputs, outputs: outputs), stream: &biasStream).map(
                    Float.init)
            }
            layers.append(DenseLayer(weight: weight, bias: bias, activation: network.activation))
            inputs = outputs
        }
        var built = DenseNetwork(layers: layers)
        guard let procedure = network.initializer.lsuv else { return (built, nil) }
        guard let lsuvBatch else { throw RunError("LSUV needs a data batch") }
        let outcomes = procedure.apply(to: &built, batch: lsuvBatch)
        return (built, outcomes)
    }
}
