import Foundation
import Randomness
import Testing

/// Statistical checks at 10^6 samples. Tolerances are about 5 standard errors, so a correct
/// generator fails with probability below 1e-6 and the seeds are fixed anyway.
@Suite struct DistributionTests {
    static let count = 1_000_000

    static func moments(_ values: [Double]) -> (mean: Double, variance: Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        return (mean, variance)
    }

    @Test func uniformHasMeanOneHalfAndVarianceOneTwelfth() {
        var stream = RandomStream(seed: 11, path: "uniform")
        let values = (0..<Self.count).map { _ in stream.nextUniform() }
        let (mean, variance) = Self.moments(values)
        #expect(values.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(mean - 0.5) < 5 * (1.0 / 12 / Double(Self.count)).squareRoot())
        #expect(abs(variance - 1.0 / 12) < 0.001)
    }

    @Test func uniformFloatStaysBelowOne() {
        var stream = RandomStream(seed: 12, path: "uniform-float")
        let values = (0..<Self.count).map { _ in stream.nextUniformFloat() }
        #expect(values.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(values.reduce(0) { $0 + Double($1) } / Double(Self.count) - 0.5) < 0.002)
    }

    @Test func normalMatchesTheStandardNormalDistribution() {
        var stream = RandomStream(seed: 13, path: "normal")
        let values = (0..<Self.count).map { _ in stream.nextNormal() }
        let (mean, variance) = Self.moments(values)
        #expect(abs(mean) < 5 / Double(Self.count).squareRoot())
        #expect(abs(variance - 1) < 5 * (2 / Double(Self.count)).squareRoot())
        // Kolmogorov-Smirnov distance against Phi; 1.95/sqrt(n) is the 0.001 critical value.
        let sorted = values.sorted()
        var distance = 0.0
        for (index, x) in sorted.enumerated() where index % 97 == 0 {
            let cdf = 0.5 * (1 + erf(x / 2.0.squareRoot()))
            distance = max(
                distance, abs(cdf - Double(index) / Double(Self.count)),
                abs(cdf - Double(index + 1) / Double(Self.count)))
        }
        #expect(distance < 1.95 / Double(Self.count).squareRoot())
    }

    @Test func truncatedNormalStaysInsideItsBoundWithTheKnownStandardDeviation() {
        #expect(abs(TruncatedNormal.standardDeviation(bound: 2) - 0.87962566103423978) < 1e-14)
        var stream = RandomStream(seed: 14, path: "truncated")
        let values = (0..<Self.count).map { _ in stream.nextTruncatedNormal(bound: 2) }
        #expect(values.allSatisfy { abs($0) < 2 })
        #expect(abs(Self.moments(values).variance.squareRoot() - 0.87962566103423978) < 0.002)
    }

    @Test func truncatedNormalWithCorrectedScaleHasTheRequestedStandardDeviation() {
        var stream = RandomStream(seed: 15, path: "truncated-corrected")
        let sigma = 0.0505076
        let values = (0..<Self.count).map { _ in stream.nextTruncatedNormal(standardDeviationAfterTruncation: sigma) }
        let std = Self.moments(values).variance.squareRoot()
        #expect(abs(std / sigma - 1) < 0.003)
        #expect(values.allSatisfy { abs($0) < 2 * sigma / 0.87962566103423978 })
    }
}
