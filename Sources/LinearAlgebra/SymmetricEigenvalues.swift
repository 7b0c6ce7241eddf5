import Foundation

/// Eigenvalues of a real symmetric matrix: Householder reduction to tridiagonal form, then the
/// implicit QL algorithm with Wilkinson shifts (Numerical Recipes' tred2 / tqli, values only).
public enum SymmetricEigenvalues {
    /// The eigenvalues of `matrix` (which must be symmetric), ascending.
    public static func of(_ matrix: Matrix<Double>) -> [Double] {
        let n = matrix.rows
        precondition(n == matrix.columns, "eigenvalues need a square matrix")
        guard n > 1 else { return n == 1 ? [matrix[0, 0]] : [] }
        var a = (0..<n).map { r in (0..<n).map { c in matrix[r, c] } }
        var diagonal = [Double](repeating: 0, count: n)
        var offDiagonal = diagonal
        tridiagonalize(&a, &diagonal, &offDiagonal)
        ql(&diagonal, &offDiagonal)
        return diagonal.sorted()
    }

    /// Householder reduction (tred2 without accumulating the transformation).
    private static func tridiagonalize(_ a: inout [[Double]], _ d: inout [Double], _ e: inout [Double]) {
        let n = d.count
        for i in stride(from: n - 1, to: 0, by: -1) {
            let l = i - 1
            var h = 0.0
            if l > 0 {
                var scale = 0.0
                for k in 0...l { scale += abs(a[i][k]) }
                if scale == 0 {
                    e[i] = a[i][l]
                } else {
                    for k in 0...l {
                        a[i][k] /= scale
                        h += a[i][k] * a[i][k]
                    }
                    let f = a[i][l]
                    let g = f >= 0 ? -h.squareRoot() : h.squareRoot()
                    e[i] = scale * g
                    h -= f * g
                    a[i][l] = f - g
                    var ff = 0.0
                    for j in 0...l {
                        var gg = 0.0
                        for k in 0...j { gg += a[j][k] * a[i][k] }
                        if j < l { for k in (j + 1)...l { gg += a[k][j] * a[i][k] } }
                        e[j] = gg / h
                        ff += e[j] * a[i][j]
                    }
                    let hh = ff / (h + h)
                    for j in 0...l {
                        let fj = a[i][j]
                        let gj = e[j] - hh * fj
                        e[j] = gj
                        for k in 0...j { a[j][k] -= fj * e[k] + gj * a[i][k] }
                    }
                }
            } else {
                e[i] = a[i][l]
            }
            d[i] = h
        }
        for i in 0..<n { d[i] = a[i][i] }
        for i in 1..<n { e[i - 1] = e[i] }
        e[n - 1] = 0
    }

    /// Implicit QL iterations on the tridiagonal matrix (tqli without eigenvectors).
    private static func ql(_ d: inout [Double], _ e: inout [Double]) {
        let n = d.count
        for l in 0..<n {
            var iterations = 0
            while true {
                var m = l
                while m < n - 1 {
                    let dd = abs(d[m]) + abs(d[m + 1])
                    if abs(e[m]) <= Double.ulpOfOne * dd { break }
                    m += 1
                }
                if m == l { break }
                iterations += 1
                if iterations > 60 { break }
                var g = (d[l + 1] - d[l]) / (2 * e[l])
                var r = hypot(g, 1)
                g = d[m] - d[l] + e[l] / (g + (g >= 0 ? abs(r) : -abs(r)))
                var s = 1.0
                var c = 1.0
                var p = 0.0
                var i = m - 1
                var deflated = false
                while i >= l {
                    let f = s * e[i]
                    let b = c * e[i]
                    r = hypot(f, g)
                    e[i + 1] = r
                    if r == 0 {
                        d[i + 1] -= p
                        e[m] = 0
                        deflated = true
                        break
                    }
                    s = f / r
                    c = g / r
                    g = d[i + 1] - p
                    r = (d[i] - g) * s + 2 * c * b
                    p = s * r
                    d[i + 1] = g + p
                    g = c * r - b
                    i -= 1
                }
                if deflated && i >= l { continue }
                d[l] -= p
                e[l] = g
                e[m] = 0
            }
        }
    }
}
