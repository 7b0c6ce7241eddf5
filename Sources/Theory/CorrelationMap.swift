import Foundation
import Network

/// The correlation map at a variance q (normally the fixed point q*): how the correlation c of
/// two inputs' pre-activations changes from one layer to the next.
public struct CorrelationMap: Sendable {
    public let meanField: MeanField
    public let q: Double

    public init(_ meanField: MeanField, q: Double) {
        self.meanField = meanField
        self.q = q
    }

    var activation: Activation { meanField.activation }

    /// c' = (sigmaW2 E[phi(u1) phi(u2)] + sigmaB2) / q'.
    /// With q the fixed point, q' = q; otherwise both inputs' next variance is used.
    public func callAsFunction(_ c: Double) -> Double {
        let s = q.squareRoot()
        let cross = GaussianExpectation.twoDimensional(correlation: c) { u1, u2 in
            activation.value(s * u1) * activation.value(s * u2)
        }
        return (meanField.sigmaW2 * cross + meanField.sigmaB2) / meanField.qMap(q)
    }

    /// 1 - c', computed without cancellation as sigmaW2 E[(phi(u1) - phi(u2))^2] / (2 q'),
    /// valid when both inputs have variance q (as at the fixed point).
    public func oneMinus(_ c: Double) -> Double {
        let s = q.squareRoot()
        let gap = GaussianExpectation.twoDimensional(correlation: c) { u1, u2 in
            let d = activation.value(s * u1) - activation.value(s * u2)
            return d * d
        }
        return meanField.sigmaW2 * gap / (2 * meanField.qMap(q))
    }

    /// The slope dc'/dc = sigmaW2 E[phi'(u1) phi'(u2)] / q' (chi_c at a fixed point).
    public func slope(_ c: Double) -> Double {
        let s = q.squareRoot()
        let cross = GaussianExpectation.twoDimensional(correlation: c) { u1, u2 in
            activation.derivative(s * u1) * activation.derivative(s * u2)
        }
        return meanField.sigmaW2 * cross * q / meanField.qMap(q)
    }

    /// The attracting correlation fixed point: 1 when chi1 <= 1 (ordered phase), otherwise the
    /// crossing of c' = c below 1 (chaotic phase), found by bisection on g(c) = c' - c, which is
    /// positive at -1 and negative just below 1.
    public func fixedPoint(chi1: Double) -> Double {
        guard chi1 > 1 else { return 1 }
        let g: (Double) -> Double = { c in (1 - c) - self.oneMinus(c) }
        var high = 1 - 1e-6
        while g(high) >= 0 && 1 - high > 1e-13 { high = 1 - (1 - high) / 10 }
        guard g(high) < 0 else { return 1 }
        var low = -1.0
        guard g(low) > 0 else { return low }
        for _ in 0..<80 {
            let middle = (low + high) / 2
            if middle == low || middle == high { break }
            if g(middle) > 0 { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// c^l for l = 0...depth from c^0 = `initial` (inputs at variance q).
    public func iterate(from initial: Double, depth: Int) -> [Double] {
        var values = [initial]
        for _ in 0..<depth { values.append(self(values.last!)) }
        return values
    }

    /// 1 - c^l for l = 0...depth, computed stably (for log-log plots down to 1e-10 and below).
    /// `progress`, if given, is called with the layers done every 1000 layers (deep maps take
    /// minutes).
    public func iterateOneMinus(from initial: Double, depth: Int, progress: ((Int) -> Void)? = nil) -> [Double] {
        var gaps = [1 - initial]
        for layer in 0..<depth {
            let c = 1 - gaps.last!
            gaps.append(gaps.last! <= 0 ? 0 : oneMinus(c))
            if layer % 1000 == 999 { progress?(layer + 1) }
        }
        return gaps
    }
}
