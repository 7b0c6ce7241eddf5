import Foundation
import Network

/// The edge of chaos (chi1 = 1 at the variance fixed point) of an activation, parametrised by the
/// fixed point q: sigmaW2(q) = 1 / E[phi'(sqrt(q) z)^2], sigmaB2(q) = q - sigmaW2(q) E[phi(sqrt(q) z)^2].
public struct EdgeOfChaos: Sendable {
    public let activation: Activation

    public init(activation: Activation) { self.activation = activation }

    /// A point of the curve.
    public struct Point: Sendable, Equatable {
        public let q: Double
        public let sigmaW2: Double
        public let sigmaB2: Double
        /// Slope of the variance map at q.
        public let qSlope: Double
        public var stability: FixedPointStability { FixedPointStability(slope: qSlope) }

        public init(q: Double, sigmaW2: Double, sigmaB2: Double, qSlope: Double) {
            self.q = q
            self.sigmaW2 = sigmaW2
            self.sigmaB2 = sigmaB2
            self.qSlope = qSlope
        }
    }

    /// The curve's point at fixed point q.
    public func point(q: Double) -> Point {
        let field = MeanField(activation: activation, sigmaW2: 1, sigmaB2: 0)
        let sigmaW2 = 1 / field.derivativeSecondMoment(q)
        let sigmaB2 = q - sigmaW2 * field.secondMoment(q)
        let slope = MeanField(activation: activation, sigmaW2: sigmaW2, sigmaB2: sigmaB2).qMapSlope(q)
        return Point(q: q, sigmaW2: sigmaW2, sigmaB2: sigmaB2, qSlope: slope)
    }

    /// The curve sampled at the given fixed points.
    public func curve(q values: [Double]) -> [Point] { values.map(point) }

    /// Whether the edge of chaos is a single point. A positively homogeneous activation (ReLU,
    /// leaky ReLU, identity) has a linear variance map, q' = sigmaW2 E[phi'(z)^2] q + sigmaB2:
    /// chi1 = 1 only at sigmaB2 = 0 and sigmaW2 = 1 / E[phi'(z)^2] (He's 2 for ReLU), where every
    /// q is a marginal fixed point.
    public var isSinglePoint: Bool {
        switch activation {
        case .relu, .leakyReLU, .identity: true
        case .sigmoid, .tanh, .elu, .selu, .gelu, .swish, .softsign, .softplus, .erf: false
        }
    }

    /// C in 1 - c^l ~ C / l^2 on the edge of chaos, where it is known in closed form: ReLU's
    /// 9 pi^2 / 2 (Hayou et al. 2019); smooth activations converge like 1 / l instead.
    public var inverseSquareCorrelationAsymptote: Double? {
        if case .relu = activation { 9 * Double.pi * Double.pi / 2 } else { nil }
    }

    /// The critical point for a bias variance: the smallest q > 0 with sigmaB2(q) = target, or
    /// nil when the curve never reaches it. A single-point edge of chaos (`isSinglePoint`) exists
    /// only at sigmaB2 = 0; its point is reported at q = 1 with the exact sigmaW2.
    public func critical(sigmaB2 target: Double) -> Point? {
        if isSinglePoint {
            guard target == 0 else { return nil }
            let sigmaW2: Double
            switch activation {
            case .leakyReLU(let slope): sigmaW2 = 2 / (1 + slope * slope)
            case .identity: sigmaW2 = 1
            default: sigmaW2 = 2
            }
            return Point(q: 1, sigmaW2: sigmaW2, sigmaB2: 0, qSlope: 1)
        }
        let grid = (0...240).map { pow(10, -8 + Double($0) * 0.05) }
        var previous: (q: Double, gap: Double)?
        for q in grid {
            let p = point(q: q)
            guard p.sigmaW2.isFinite, p.sigmaB2.isFinite else { continue }
            let gap = p.sigmaB2 - target
            if abs(gap) < 1e-15 * max(1, target) { return p }
            if let previous, (gap < 0) != (previous.gap < 0) {
                let root = MeanField.bisect(previous.q, q) { self.point(q: $0).sigmaB2 - target }
                return point(q: root)
            }
            previous = (q, gap)
        }
        return nil
    }
}
