import LinearAlgebra
import Randomness

/// Haar-random matrices with orthonormal rows or columns (Saxe et al. 2014; Mezzadri 2007).
///
/// Draw A ~ N(0, 1) with shape (max(r, c), min(r, c)), take the thin QR, fix the signs with
/// Q <- Q diag(sign(diag R)), and transpose if r < c. Rows are orthonormal when r <= c,
/// columns otherwise; every entry has variance 1 / max(r, c).
enum OrthogonalSampler {
    static func sample(rows: Int, columns: Int, stream: inout RandomStream) -> Matrix<Double> {
        let tall = max(rows, columns)
        let narrow = min(rows, columns)
        let gaussian = Matrix<Double>(rows: tall, columns: narrow) { _, _ in stream.nextNormal() }
        let q = HouseholderQR(gaussian).signCorrectedQ
        return rows < columns ? q.transposed : q
    }
}
