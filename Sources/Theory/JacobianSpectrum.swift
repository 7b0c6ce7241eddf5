import Foundation
import LinearAlgebra
import Network
import Randomness

/// Singular values of the input-output Jacobian J = D_L W_L ... D_1 W_1 of a random network at
/// initialization (Pennington, Schoenholz & Ganguli 2017), and their free-probability moments.
public struct JacobianSpectrum: Sendable {
    public enum Weights: String, Sendable, CaseIterable {
        /// W_ij ~ N(0, sigmaW2 / N).
        case gaussian
        /// sqrt(sigmaW2) times a Haar orthogonal matrix.
        case orthogonal
    }

    public let meanField: MeanField
    public let width: Int
    public let weights: Weights

    public init(meanField: MeanField, width: Int, weights: Weights) {
        self.meanField = meanField
        self.width = width
        self.weights = weights
    }

    /// The pre-activation variance the network is probed at: the fixed point q*, or 1 when there
    /// is none or it is 0 (ReLU with no bias on its critical line keeps any q, and at q = 0 every
    /// unit would sit on the kink; its spectrum does not depend on q, by scale invariance).
    public var inputVariance: Double {
        guard let q = meanField.fixedPoint.q, q > 0 else { return 1 }
        return q
    }

    /// Squared singular values of J (eigenvalues of J J^T) at each requested depth, for one input
    /// drawn at `inputVariance`. Streams `<root>/layer/<l>/weight|bias` and `<root>/input`.
    /// `progress`, if given, is called with each layer done.
    public func squaredSingularValues(depths: [Int], root: RandomStream, progress: ((Int) -> Void)? = nil) -> [Int:
        [Double]]
    {
        let n = width
        let q = inputVariance
        var inputStream = root.derive("input")
        var h = (0..<n).map { _ in q.squareRoot() * inputStream.nextNormal() }
        var jacobian = Matrix<Double>(rows: n, columns: n) { r, c in r == c ? 1 : 0 }
        var spectra: [Int: [Double]] = [:]
        let deepest = depths.max() ?? 0
        for layer in 1...max(deepest, 1) {
            var weightStream = root.derive("layer/\(layer)/weight")
            let w: Matrix<Double>
            switch weights {
            case .gaussian:
                let scale = (meanField.sigmaW2 / Double(n)).squareRoot()
                w = Matrix(rows: n, columns: n) { _, _ in scale * weightStream.nextNormal() }
            case .orthogonal:
                let gaussian = Matrix<Double>(rows: n, columns: n) { _, _ in weightStream.nextNormal() }
                let scale = meanField.sigmaW2.squareRoot()
                w = Matrix(
                    rows: n, columns: n, elements: HouseholderQR(gaussian).signCorrectedQ.elements.map { $0 * scale })
            }
            var biasStream = root.derive("layer/\(layer)/bias")
            let input = layer == 1 ? h : h.map { meanField.activation.value($0) }
            let biasScale = meanField.sigmaB2.squareRoot()
            h = (0..<n).map { i in
                var sum = 0.0
                for j in 0..<n { sum += w[i, j] * input[j] }
                return sum + biasScale * biasStream.nextNormal()
            }
            // J <- D W J with D = diag(phi'(h)).
            var product = w.multiplied(by: jacobian)
            for i in 0..<n {
                let d = meanField.activation.derivative(h[i])
                for j in 0..<n { product[i, j] *= d }
            }
            jacobian = product
            if depths.contains(layer) {
                spectra[layer] = SymmetricEigenvalues.of(jacobian.multiplied(by: jacobian.transposed)).map {
                    max($0, 0)
                }
            }
            progress?(layer)
        }
        return spectra
    }

    /// Mean and variance of the J J^T spectrum predicted at depth L (Pennington et al. 2017):
    /// mean chi1^L; variance / mean^2 = L (mu2 / mu1^2 - 1 - s1), with mu_k = E[phi'(h)^(2k)]
    /// at `inputVariance`, s1 = -1 for Gaussian and 0 for orthogonal weights.
    public func predictedMoments(depth: Int) -> (mean: Double, variance: Double) {
        let q = inputVariance
        let mu1 = meanField.moment(q) { x in pow(meanField.activation.derivative(x), 2) }
        let mu2 = meanField.moment(q) { x in pow(meanField.activation.derivative(x), 4) }
        let s1 = weights == .gaussian ? -1.0 : 0.0
        let mean = pow(meanField.sigmaW2 * mu1, Double(depth))
        return (mean, mean * mean * Double(depth) * (mu2 / (mu1 * mu1) - 1 - s1))
    }
}
