import ExperimentKinds
import Foundation

/// The loss smoothing of Deep Learning from Scratch (common/util.py `smooth_curve`): a Kaiser
/// window of 11 points (beta 2), with the series mirrored at both ends so the output has the
/// input's length.
enum Smoothing {
    static let windowLength = 11

    static func textbook(_ values: [Double]) -> [Double] {
        let n = values.count
        guard n >= windowLength else { return values }
        let window = kaiser(windowLength, beta: 2)
        let total = window.reduce(0, +)
        let weights = window.map { $0 / total }
        // np.r_[x[window_len-1:0:-1], x, x[-1:-window_len:-1]]
        let padded =
            Array(values[1..<windowLength].reversed()) + values + Array(values[(n - windowLength + 1)..<n].reversed())
        let valid = (0...(padded.count - windowLength)).map { start in
            (0..<windowLength).reduce(0.0) { $0 + weights[$1] * padded[start + $1] }
        }
        return Array(valid[5..<(valid.count - 5)])
    }

    /// numpy.kaiser: I0(beta sqrt(1 - (2k/(M-1) - 1)^2)) / I0(beta).
    static func kaiser(_ length: Int, beta: Double) -> [Double] {
        (0..<length).map { k in
            let ratio = 2 * Double(k) / Double(length - 1) - 1
            return besselI0(beta * (1 - ratio * ratio).squareRoot()) / besselI0(beta)
        }
    }

    /// The modified Bessel function I0 by its power series (converges fast for small x).
    static func besselI0(_ x: Double) -> Double {
        var sum = 1.0
        var term = 1.0
        for k in 1..<50 {
            term *= (x / (2 * Double(k))) * (x / (2 * Double(k)))
            sum += term
            if term < 1e-17 * sum { break }
        }
        return sum
    }
}
