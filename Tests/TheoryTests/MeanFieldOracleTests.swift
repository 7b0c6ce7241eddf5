import Foundation
import Network
import Testing

@testable import Theory

/// The oracle values of theory.md (computed there two independent ways) to 6 significant digits.
@Suite struct MeanFieldOracleTests {
    static func close(_ value: Double, _ expected: Double, digits: Double = 6) -> Bool {
        abs(value - expected) <= 0.5 * pow(10, -digits + 1) * abs(expected) + 1e-300
    }

    @Test func tanhOrderedPoint() {
        let summary = MeanFieldSummary(MeanField(activation: .tanh, sigmaW2: 1.5, sigmaB2: 0.05))
        #expect(Self.close(summary.fixedPoint.q!, 0.418037), "q* \(summary.fixedPoint.q!)")
        #expect(Self.close(summary.chi1, 0.938636), "chi1 \(summary.chi1)")
        #expect(Self.close(summary.xiC, 15.7910), "xi_c \(summary.xiC)")
        #expect(summary.phase == .ordered)
    }

    @Test func tanhDeeperInTheOrderedPhase() {
        let summary = MeanFieldSummary(MeanField(activation: .tanh, sigmaW2: 1.0, sigmaB2: 0.05))
        #expect(Self.close(summary.fixedPoint.q!, 0.193593))
        #expect(Self.close(summary.chi1, 0.759032))
        #expect(Self.close(summary.xiC, 3.62698))
    }

    @Test func reluELUAndSigmoid() {
        let relu = MeanFieldSummary(MeanField(activation: .relu, sigmaW2: 1.5, sigmaB2: 0.05))
        #expect(Self.close(relu.fixedPoint.q!, 0.2) && Self.close(relu.chi1, 0.75))
        let elu = MeanFieldSummary(MeanField(activation: .elu(alpha: 1), sigmaW2: 1.0, sigmaB2: 0.05))
        #expect(
            Self.close(elu.fixedPoint.q!, 0.210393) && Self.close(elu.chi1, 0.773367), "\(elu.fixedPoint) \(elu.chi1)")
        let sigmoid = MeanFieldSummary(MeanField(activation: .sigmoid, sigmaW2: 1.0, sigmaB2: 0.05))
        #expect(
            Self.close(sigmoid.fixedPoint.q!, 0.317236) && Self.close(sigmoid.chi1, 0.0546429),
            "\(sigmoid.fixedPoint) \(sigmoid.chi1)")
    }

    @Test func tanhEdgeOfChaos() throws {
        let point = try #require(EdgeOfChaos(activation: .tanh).critical(sigmaB2: 0.05))
        #expect(Self.close(point.sigmaW2, 1.76095), "\(point.sigmaW2)")
        #expect(Self.close(point.q, 0.570048), "\(point.q)")
        #expect(point.stability == .attracting)
        // initializers.md 11: sigmaB2 -> sigmaW2 (q*), to the printed digits.
        for (sigmaB2, sigmaW2) in [(1e-4, 1.0860), (0.01, 1.4242), (0.04, 1.7008), (0.1, 1.9861), (0.2, 2.2852)] {
            let critical = try #require(EdgeOfChaos(activation: .tanh).critical(sigmaB2: sigmaB2))
            #expect(abs(critical.sigmaW2 - sigmaW2) < 6e-5, "sigmaB2 \(sigmaB2): \(critical.sigmaW2)")
        }
    }

    @Test func seluStandardInitialization() {
        let field = MeanField(activation: .selu, sigmaW2: 1, sigmaB2: 0)
        // q = 0 is a fixed point too (SELU(0) = 0) but repels: chi1 > 1 there; q* = 1 attracts.
        let summary = MeanFieldSummary(field)
        #expect(Self.close(summary.fixedPoint.q!, 1), "\(summary.fixedPoint)")
        #expect(Self.close(summary.qSlope, 0.782648), "\(summary.qSlope)")
        #expect(Self.close(summary.chi1, 1.07157), "\(summary.chi1)")
    }

    /// Glorot's 5 tanh layers on unit-variance inputs: q^1 = sigmaW2, then the map; the activation
    /// std of a layer is sqrt(E[tanh(sqrt(q) z)^2]).
    @Test(arguments: [
        (1.0 / 3, [0.460299, 0.249501, 0.141195, 0.0809857, 0.0466554]),
        (1.0, [0.627929, 0.486262, 0.408236, 0.357638, 0.321622]),
    ])
    func glorotTanhLayerStandardDeviations(sigmaW2: Double, expected: [Double]) {
        let field = MeanField(activation: .tanh, sigmaW2: sigmaW2, sigmaB2: 0)
        let q = field.iterateQ(from: sigmaW2, depth: 4)
        let stds = q.map { field.secondMoment($0).squareRoot() }
        #expect(stds.count == expected.count, "\(stds.count) layers")
        for (value, oracle) in zip(stds, expected) { #expect(Self.close(value, oracle), "\(value) vs \(oracle)") }
    }
}
