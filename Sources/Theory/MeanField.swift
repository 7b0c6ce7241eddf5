import Foundation
import Network

/// Mean-field signal propagation through a deep random network (Poole et al. 2016, Schoenholz
/// et al. 2017): weights W_ij ~ N(0, sigmaW2 / N), biases ~ N(0, sigmaB2). sigmaW2 and sigmaB2
/// are VARIANCES.
public struct MeanField: Sendable {
    public let activation: Activation
    public let sigmaW2: Double
    public let sigmaB2: Double

    public init(activation: Activation, sigmaW2: Double, sigmaB2: Double) {
        self.activation = activation
        self.sigmaW2 = sigmaW2
        self.sigmaB2 = sigmaB2
    }

    // MARK: Gaussian moments of the activation

    /// E[f(sqrt(q) z)] for the activation-derived f.
    func moment(_ q: Double, _ f: (Double) -> Double) -> Double {
        let s = max(q, 0).squareRoot()
        return GaussianExpectation.oneDimensional { z in f(s * z) }
    }

    /// E[phi(sqrt(q) z)^2].
    public func secondMoment(_ q: Double) -> Double {
        moment(q) { x in
            let v = activation.value(x)
            return v * v
        }
    }

    /// E[phi'(sqrt(q) z)^2].
    public func derivativeSecondMoment(_ q: Double) -> Double {
        moment(q) { x in
            let d = activation.derivative(x)
            return d * d
        }
    }

    // MARK: Variance map

    /// q' = sigmaW2 E[phi(sqrt(q) z)^2] + sigmaB2.
    public func qMap(_ q: Double) -> Double { sigmaW2 * secondMoment(q) + sigmaB2 }

    /// dq'/dq = sigmaW2 E[phi'^2 + phi phi''] (Stein's lemma).
    public func qMapSlope(_ q: Double) -> Double {
        sigmaW2
            * moment(q) { x in
                let d = activation.derivative(x)
                return d * d + activation.value(x) * activation.secondDerivative(x)
            }
    }

    /// chi1 = sigmaW2 E[phi'(sqrt(q) z)^2]: the mean squared singular value of a layer's Jacobian.
    public func chi1(at q: Double) -> Double { sigmaW2 * derivativeSecondMoment(q) }

    /// q^l for l = 0...depth from q^0 = `initial`.
    public func iterateQ(from initial: Double, depth: Int) -> [Double] {
        var values = [initial]
        for _ in 0..<depth { values.append(qMap(values.last!)) }
        return values
    }

    // MARK: Fixed points of the variance map

    /// A fixed point q* of the variance map.
    public enum FixedPoint: Sendable, Equatable {
        /// q* with the slope of the map there; attracting when the slope is below 1.
        case point(q: Double, slope: Double)
        /// No finite fixed point attracts: q grows without bound.
        case diverges

        public var q: Double? { if case .point(let q, _) = self { q } else { nil } }
        public var isAttracting: Bool {
            if case .point(_, let slope) = self { FixedPointStability(slope: slope) == .attracting } else { false }
        }
    }

    /// The smallest ATTRACTING fixed point, or `.diverges`. Roots are bracketed on a log grid of
    /// q in [1e-10, 1e8] and refined by bisection to full precision.
    public var fixedPoint: FixedPoint {
        var candidates: [Double] = []
        if sigmaB2 == 0 && activation.value(0.0) == 0 { candidates.append(0) }
        let grid = (0...180).map { pow(10, -10 + Double($0) * 0.1) }
        var previousQ = 0.0
        var previousG = qMap(0) - 0
        for q in grid {
            let g = qMap(q) - q
            if g == 0 {
                candidates.append(q)
            } else if previousG != 0 && (g < 0) != (previousG < 0) {
                candidates.append(Self.bisect(previousQ, q) { self.qMap($0) - $0 })
            }
            previousQ = q
            previousG = g
        }
        for q in candidates.sorted() {
            let slope = q == 0 ? chi1(at: 0) : qMapSlope(q)
            if FixedPointStability(slope: slope) == .attracting { return .point(q: q, slope: slope) }
        }
        return .diverges
    }

    /// The smallest fixed point, attracting or not (for reporting a repelling one).
    public var smallestFixedPoint: FixedPoint {
        let grid = (0...180).map { pow(10, -10 + Double($0) * 0.1) }
        var previousQ = 0.0
        var previousG = qMap(0)
        if sigmaB2 == 0 && activation.value(0.0) == 0 { return .point(q: 0, slope: chi1(at: 0)) }
        for q in grid {
            let g = qMap(q) - q
            if (g < 0) != (previousG < 0) {
                let root = Self.bisect(previousQ, q) { self.qMap($0) - $0 }
                return .point(q: root, slope: qMapSlope(root))
            }
            previousQ = q
            previousG = g
        }
        return .diverges
    }

    /// A root of f in [low, high] where f changes sign, to machine precision.
    static func bisect(_ low: Double, _ high: Double, _ f: (Double) -> Double) -> Double {
        var a = low
        var b = high
        var fa = f(a)
        for _ in 0..<200 {
            let m = (a + b) / 2
            if m == a || m == b { break }
            let fm = f(m)
            if (fm < 0) == (fa < 0) {
                a = m
                fa = fm
            } else {
                b = m
            }
        }
        return (a + b) / 2
    }
}
