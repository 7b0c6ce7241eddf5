import Foundation
import LinearAlgebra
import Network
import Randomness

/// Signal propagation measured in real random networks of finite width, to hold the mean-field
/// maps against: W_ij ~ N(0, sigmaW2 / N), b_i ~ N(0, sigmaB2), two inputs with given q0 and c0.
public struct FiniteWidthSimulation: Sendable {
    public let meanField: MeanField
    public let width: Int
    public let depth: Int

    public init(meanField: MeanField, width: Int, depth: Int) {
        self.meanField = meanField
        self.width = width
        self.depth = depth
    }

    /// What one network did: q^l of the first input and c^l of the pair, l = 1...depth.
    public struct Trace: Sendable, Equatable {
        public let q: [Double]
        public let c: [Double]
    }

    /// One network drawn from stream `<root>/seed/<index>` (layers `layer/<l>/weight|bias`).
    /// The inputs have (1/N)|x|^2 = q0 and correlation exactly c0.
    /// `layerDone`, if given, is called after each layer (a wide network takes seconds a layer).
    public func trace(q0: Double, c0: Double, root: RandomStream, index: Int, layerDone: (() -> Void)? = nil)
        -> Trace
    {
        let n = width
        let seed = root.derive("seed/\(index)")
        var inputStream = seed.derive("inputs")
        var a = (0..<n).map { _ in inputStream.nextNormal() }
        var b = (0..<n).map { _ in inputStream.nextNormal() }
        // Gram-Schmidt: a and b orthonormal, then scaled to the requested q0 and c0.
        let normA = (a.reduce(0) { $0 + $1 * $1 }).squareRoot()
        a = a.map { $0 / normA }
        let projection = zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
        b = zip(b, a).map { $0 - projection * $1 }
        let normB = (b.reduce(0) { $0 + $1 * $1 }).squareRoot()
        b = b.map { $0 / normB }
        let scale = (q0 * Double(n)).squareRoot()
        let orthogonal = (1 - c0 * c0).squareRoot()
        var x1 = a.map { scale * $0 }
        var x2 = zip(a, b).map { scale * (c0 * $0 + orthogonal * $1) }
        var qs: [Double] = []
        var cs: [Double] = []
        let weightScale = (meanField.sigmaW2 / Double(n)).squareRoot()
        let biasScale = meanField.sigmaB2.squareRoot()
        for layer in 1...depth {
            var weights = seed.derive("layer/\(layer)/weight")
            var biases = seed.derive("layer/\(layer)/bias")
            let inputs1 = layer == 1 ? x1 : x1.map { meanField.activation.value($0) }
            let inputs2 = layer == 1 ? x2 : x2.map { meanField.activation.value($0) }
            var h1 = [Double](repeating: 0, count: n)
            var h2 = h1
            for i in 0..<n {
                var sum1 = 0.0
                var sum2 = 0.0
                for j in 0..<n {
                    let w = weightScale * weights.nextNormal()
                    sum1 += w * inputs1[j]
                    sum2 += w * inputs2[j]
                }
                let bias = biasScale * biases.nextNormal()
                h1[i] = sum1 + bias
                h2[i] = sum2 + bias
            }
            x1 = h1
            x2 = h2
            let n1 = h1.reduce(0) { $0 + $1 * $1 }
            let n2 = h2.reduce(0) { $0 + $1 * $1 }
            qs.append(n1 / Double(n))
            cs.append(zip(h1, h2).reduce(0) { $0 + $1.0 * $1.1 } / (n1 * n2).squareRoot())
            layerDone?()
        }
        return Trace(q: qs, c: cs)
    }

    /// Mean and standard error over seeds, per layer.
    public struct Summary: Sendable, Equatable {
        public let qMean: [Double]
        public let qStandardError: [Double]
        public let cMean: [Double]
        public let cStandardError: [Double]
    }

    /// `seeds` networks (in parallel over seeds; each seed's numbers do not depend on that).
    /// `layerDone` is called after each layer of each seed, from the thread computing it.
    public func run(
        q0: Double, c0: Double, seeds: Int, root: RandomStream, layerDone: (@Sendable () -> Void)? = nil
    ) -> (traces: [Trace], summary: Summary) {
        var traces = [Trace?](repeating: nil, count: seeds)
        traces.withUnsafeMutableBufferPointer { buffer in
            let shared = UncheckedSendable(buffer)
            ParallelLoop.run(seeds) { index in
                shared.value[index] = trace(q0: q0, c0: c0, root: root, index: index, layerDone: layerDone)
            }
        }
        let all = traces.map { $0! }
        func statistics(_ values: (Trace) -> [Double]) -> ([Double], [Double]) {
            (0..<depth).map { layer -> (Double, Double) in
                let samples = all.map { values($0)[layer] }
                let mean = samples.reduce(0, +) / Double(samples.count)
                let variance =
                    samples.count > 1
                    ? samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(samples.count - 1) : 0
                return (mean, (variance / Double(samples.count)).squareRoot())
            }.reduce(into: ([Double](), [Double]())) {
                $0.0.append($1.0)
                $0.1.append($1.1)
            }
        }
        let (qMean, qError) = statistics(\.q)
        let (cMean, cError) = statistics(\.c)
        return (all, Summary(qMean: qMean, qStandardError: qError, cMean: cMean, cStandardError: cError))
    }

    /// The mean-field prediction for the same layers: q^1 = sigmaW2 q0 + sigmaB2 (the inputs are
    /// not passed through phi), then the maps; c^1 = (sigmaW2 q0 c0 + sigmaB2) / q^1.
    public func prediction(q0: Double, c0: Double) -> (q: [Double], c: [Double]) {
        var q = [meanField.sigmaW2 * q0 + meanField.sigmaB2]
        var c = [(meanField.sigmaW2 * q0 * c0 + meanField.sigmaB2) / q[0]]
        while q.count < depth {
            // Both inputs keep the same variance, so the correlation map at q^l applies.
            let map = CorrelationMap(meanField, q: q.last!)
            c.append(1 - map.oneMinus(c.last!))
            q.append(meanField.qMap(q.last!))
        }
        return (q, c)
    }
}
