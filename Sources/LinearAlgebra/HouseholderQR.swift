/// Thin QR decomposition by Householder reflections, in double precision.
///
/// For a tall matrix A (m x n, m >= n) it returns Q (m x n) with orthonormal columns and the
/// diagonal of R, such that A = Q R. Used to draw Haar-distributed orthogonal matrices: with
/// Q <- Q diag(sign(diag R)) (Mezzadri 2007) the distribution is exactly Haar.
public struct HouseholderQR: Sendable {
    /// Q, m x n, row-major.
    public let q: Matrix<Double>
    /// The diagonal of R.
    public let rDiagonal: [Double]

    /// Decomposes `a`, which must have at least as many rows as columns.
    public init(_ a: Matrix<Double>) {
        let m = a.rows
        let n = a.columns
        precondition(m >= n && n > 0, "QR needs a tall matrix, got \(m)x\(n)")
        // Work column-major: every step touches whole columns.
        var columns = (0..<n).map { c in (0..<m).map { r in a[r, c] } }
        var reflectors: [[Double]] = []
        var diagonal: [Double] = []
        for k in 0..<n {
            var norm = 0.0
            for r in k..<m { norm += columns[k][r] * columns[k][r] }
            norm = norm.squareRoot()
            let alpha = columns[k][k] > 0 ? -norm : norm
            var v = [Double](repeating: 0, count: m)
            for r in k..<m { v[r] = columns[k][r] }
            v[k] -= alpha
            var vNorm = 0.0
            for r in k..<m { vNorm += v[r] * v[r] }
            if vNorm > 0 {
                for c in k..<n { Self.reflect(&columns[c], by: v, from: k, normSquared: vNorm) }
            }
            reflectors.append(v)
            diagonal.append(vNorm > 0 ? alpha : columns[k][k])
        }
        // Q = H_0 H_1 ... H_{n-1} applied to the first n columns of the identity.
        var qColumns = (0..<n).map { c in (0..<m).map { r in r == c ? 1.0 : 0.0 } }
        for k in stride(from: n - 1, through: 0, by: -1) {
            let v = reflectors[k]
            var vNorm = 0.0
            for r in k..<m { vNorm += v[r] * v[r] }
            guard vNorm > 0 else { continue }
            for c in 0..<n { Self.reflect(&qColumns[c], by: v, from: k, normSquared: vNorm) }
        }
        q = Matrix(rows: m, columns: n) { r, c in qColumns[c][r] }
        rDiagonal = diagonal
    }

    /// x <- (I - 2 v v^T / |v|^2) x, touching rows from `start` on.
    private static func reflect(_ x: inout [Double], by v: [Double], from start: Int, normSquared: Double) {
        var dot = 0.0
        for r in start..<x.count { dot += v[r] * x[r] }
        let scale = 2 * dot / normSquared
        for r in start..<x.count { x[r] -= scale * v[r] }
    }

    /// Q diag(sign(diag R)): the orthonormal factor with the sign fix that makes it Haar.
    public var signCorrectedQ: Matrix<Double> {
        var corrected = q
        for c in 0..<q.columns where rDiagonal[c] < 0 {
            for r in 0..<q.rows { corrected[r, c] = -corrected[r, c] }
        }
        return corrected
    }
}
