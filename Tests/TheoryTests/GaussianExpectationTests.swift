import Foundation
import Network
import Testing

@testable import Theory

/// The quadrature against closed forms and against an independent brute-force rule.
@Suite struct GaussianExpectationTests {
    static let activations: [Activation] = [
        .identity, .sigmoid, .tanh, .relu, .leakyReLU(slope: 0.2), .elu(alpha: 1), .selu, .gelu, .swish, .softsign,
        .softplus, .erf,
    ]

    /// Composite Simpson with 200,001 points on each of [-14, 0] and [0, 14] (one-sided at 0,
    /// where kinked activations jump in slope): a different rule, slow but sure.
    static func bruteForce(_ f: (Double) -> Double) -> Double {
        let n = 200_000
        let h = 14.0 / Double(n)
        var sum = 0.0
        for side in [-1.0, 1.0] {
            for i in 0...n {
                let z = i == 0 ? side * 1e-300 : side * Double(i) * h
                let weight = i == 0 || i == n ? 1.0 : (i % 2 == 1 ? 4.0 : 2.0)
                sum += weight * f(z) * exp(-z * z / 2)
            }
        }
        return sum * h / 3 / (2 * Double.pi).squareRoot()
    }

    @Test(arguments: activations)
    func secondMomentsAgreeWithBruteForce(activation: Activation) {
        let field = MeanField(activation: activation, sigmaW2: 1, sigmaB2: 0)
        for q in [0.05, 0.7, 3.0] {
            let s = q.squareRoot()
            let reference = Self.bruteForce { z in
                let v = activation.value(s * z)
                return v * v
            }
            #expect(abs(field.secondMoment(q) - reference) <= 1e-9 * max(reference, 1e-12), "\(activation) q=\(q)")
            let derivative = Self.bruteForce { z in
                let d = activation.derivative(s * z)
                return d * d
            }
            #expect(
                abs(field.derivativeSecondMoment(q) - derivative) <= 1e-9 * max(derivative, 1e-12),
                "\(activation) q=\(q)")
        }
    }

    /// ReLU at sigmaW2 = 2: c' = (sqrt(1 - c^2) + (pi - arccos c) c) / pi (the arc-cosine kernel).
    @Test func reluCorrelationMapIsTheArcCosineKernel() {
        let map = CorrelationMap(MeanField(activation: .relu, sigmaW2: 2, sigmaB2: 0), q: 1.3)
        for c in [-0.9, -0.3, 0, 0.4, 0.8, 0.99] {
            let exact = ((1 - c * c).squareRoot() + (Double.pi - acos(c)) * c) / Double.pi
            #expect(abs(map(c) - exact) < 1e-8 * abs(exact) + 1e-12, "c=\(c): \(map(c)) vs \(exact)")
            #expect(abs(map.oneMinus(c) - (1 - exact)) < 1e-8 * (1 - exact), "1 - c at \(c)")
        }
    }

    /// erf: E[erf(a) erf(b)] = (2/pi) arcsin(2 S_ab / sqrt((1 + 2 S_aa)(1 + 2 S_bb))).
    @Test func erfCorrelationMapHasItsClosedForm() {
        let q = 0.8
        let sigmaW2 = 1.7
        let sigmaB2 = 0.1
        let field = MeanField(activation: .erf, sigmaW2: sigmaW2, sigmaB2: sigmaB2)
        let map = CorrelationMap(field, q: q)
        for c in [-0.5, 0.2, 0.7, 0.95] {
            let cross = 2 / Double.pi * asin(2 * q * c / (1 + 2 * q))
            let exact = (sigmaW2 * cross + sigmaB2) / (sigmaW2 * 2 / Double.pi * asin(2 * q / (1 + 2 * q)) + sigmaB2)
            #expect(abs(map(c) - exact) < 1e-8 * abs(exact), "c=\(c): \(map(c)) vs \(exact)")
        }
    }

    @Test func identityCorrelationMapIsLinear() {
        let field = MeanField(activation: .identity, sigmaW2: 0.9, sigmaB2: 0.2)
        let map = CorrelationMap(field, q: 2)
        #expect(abs(map(0.3) - (0.9 * 2 * 0.3 + 0.2) / (0.9 * 2 + 0.2)) < 1e-12)
    }

    /// Near c = 1 the direct 1 - c' keeps its relative accuracy where 1 - c'(c) would not.
    @Test func oneMinusCorrelationIsAccurateNearOne() {
        let map = CorrelationMap(MeanField(activation: .relu, sigmaW2: 2, sigmaB2: 0), q: 1)
        let c = 1 - 1e-9
        // 1 - k(c) = e + (theta - sin theta - e theta) / pi with e = 1 - c, theta = arccos c,
        // evaluated without cancellation (theta - sin theta by its series).
        let e = 1 - c
        let theta = 2 * asin((e / 2).squareRoot())
        let thetaMinusSine = theta * theta * theta / 6 - pow(theta, 5) / 120 + pow(theta, 7) / 5040
        let exact = e + (thetaMinusSine - e * theta) / Double.pi
        #expect(abs(map.oneMinus(c) - exact) < 1e-6 * exact, "\(map.oneMinus(c)) vs \(exact)")
    }
}
