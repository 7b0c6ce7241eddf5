import Foundation
import Network
import Testing

@testable import Theory

@Suite struct EdgeOfChaosTests {
    /// Where the EOC fixed point turns from repelling to attracting: theory.md gives
    /// swish 0.555143 and GELU 0.172922 for sigmaB2.
    @Test(arguments: [(Activation.swish, 0.555143), (.gelu, 0.172922)])
    func smoothNonMonotoneActivationsRepelAtSmallBias(activation: Activation, threshold: Double) throws {
        let curve = EdgeOfChaos(activation: activation)
        let below = try #require(curve.critical(sigmaB2: threshold * 0.9))
        let above = try #require(curve.critical(sigmaB2: threshold * 1.1))
        #expect(below.stability != .attracting && above.stability == .attracting)
        // Locate the switch along the curve to 6 digits.
        var low = below.q
        var high = above.q
        for _ in 0..<100 {
            let middle = (low + high) / 2
            if curve.point(q: middle).stability == .attracting { high = middle } else { low = middle }
        }
        let switchPoint = curve.point(q: (low + high) / 2)
        // theory.md prints six decimals.
        #expect(abs(switchPoint.sigmaB2 - threshold) <= 5e-7, "\(switchPoint.sigmaB2)")
    }

    @Test func reluHasNoEdgeOfChaosWithBias() {
        #expect(EdgeOfChaos(activation: .relu).critical(sigmaB2: 0.05) == nil)
        let point = EdgeOfChaos(activation: .relu).point(q: 1)
        #expect(abs(point.sigmaW2 - 2) < 1e-12 && abs(point.sigmaB2) < 1e-12)
    }

    @Test func chaoticPhaseHasACorrelationFixedPointBelowOne() {
        let summary = MeanFieldSummary(MeanField(activation: .tanh, sigmaW2: 3, sigmaB2: 0.05))
        #expect(summary.phase == .chaotic && summary.correlationFixedPoint < 1 && summary.correlationFixedPoint > 0)
        let map = CorrelationMap(summary.meanField, q: summary.fixedPoint.q!)
        #expect(abs(map(summary.correlationFixedPoint) - summary.correlationFixedPoint) < 1e-9)
        #expect(summary.chiC < 1 && summary.xiC > 0)
    }

    @Test func reluAboveTwoDiverges() {
        #expect(MeanFieldSummary(MeanField(activation: .relu, sigmaW2: 2.5, sigmaB2: 0.1)).phase == .divergent)
    }
}
