import Foundation
import LinearAlgebra
import Network
import Randomness
import Testing

@testable import Theory

@Suite struct FiniteWidthTests {
    /// Real networks (width 300, 20 seeds) follow the q-map within 3 standard errors per layer.
    /// The report's experiment repeats this at width 1000.
    @Test func varianceMapMatchesFiniteNetworks() {
        let field = MeanField(activation: .tanh, sigmaW2: 1.5, sigmaB2: 0.05)
        let simulation = FiniteWidthSimulation(meanField: field, width: 300, depth: 6)
        let (_, summary) = simulation.run(q0: 2, c0: 0.6, seeds: 20, root: RandomStream(seed: 3, path: "empirical"))
        let predicted = simulation.prediction(q0: 2, c0: 0.6)
        for layer in 0..<6 {
            // A finite network deviates by about sqrt(2/N) per layer in addition to the seed noise.
            #expect(
                abs(summary.qMean[layer] - predicted.q[layer]) < 3 * summary.qStandardError[layer] + 0.01
                    * predicted.q[layer],
                "layer \(layer + 1): \(summary.qMean[layer]) vs \(predicted.q[layer]) ± \(summary.qStandardError[layer])"
            )
            #expect(
                abs(summary.cMean[layer] - predicted.c[layer]) < 3 * summary.cStandardError[layer] + 0.01,
                "layer \(layer + 1): c \(summary.cMean[layer]) vs \(predicted.c[layer])")
        }
    }

    /// A linear network with orthogonal weights is an exact isometry times sigmaW^L.
    @Test func orthogonalLinearNetworkIsAnIsometry() {
        let spectrum = JacobianSpectrum(
            meanField: MeanField(activation: .identity, sigmaW2: 1, sigmaB2: 0), width: 30, weights: .orthogonal)
        let values = spectrum.squaredSingularValues(depths: [3], root: RandomStream(seed: 1, path: "jacobian"))[3]!
        #expect(values.count == 30 && values.allSatisfy { abs($0 - 1) < 1e-9 })
        #expect(abs(spectrum.predictedMoments(depth: 3).variance) < 1e-12)
    }

    /// Gaussian linear layers: mean 1 and variance L for the spectrum of J J^T (Wishart products).
    @Test func gaussianLinearSpectrumHasThePredictedMoments() {
        let spectrum = JacobianSpectrum(
            meanField: MeanField(activation: .identity, sigmaW2: 1, sigmaB2: 0), width: 120, weights: .gaussian)
        let values = spectrum.squaredSingularValues(depths: [2], root: RandomStream(seed: 2, path: "jacobian"))[2]!
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        let predicted = spectrum.predictedMoments(depth: 2)
        #expect(
            abs(mean - predicted.mean) < 0.15 && abs(variance - predicted.variance) < 0.6,
            "mean \(mean) variance \(variance)")
    }
}
