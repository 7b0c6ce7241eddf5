import LinearAlgebra
import Randomness
import Testing

@Suite struct SymmetricEigenvaluesTests {
    /// Q diag(lambda) Q^T with a random orthogonal Q has eigenvalues lambda, by construction.
    @Test(arguments: [2, 7, 40])
    func recoversEigenvaluesSetByConstruction(size: Int) {
        var stream = RandomStream(seed: UInt64(size), path: "eigen")
        let gaussian = Matrix<Double>(rows: size, columns: size) { _, _ in stream.nextNormal() }
        let q = HouseholderQR(gaussian).signCorrectedQ
        let values: [Double] = (0..<size).map { index in Double(index * index) / 7 - 3 }
        let scaled = Matrix<Double>(rows: size, columns: size) { r, c in q[r, c] * values[c] }
        let matrix = scaled.multiplied(by: q.transposed)
        let symmetric = Matrix<Double>(rows: size, columns: size) { r, c in (matrix[r, c] + matrix[c, r]) / 2 }
        let found = SymmetricEigenvalues.of(symmetric)
        #expect(found.count == size, "\(found.count) eigenvalues for a \(size) x \(size) matrix")
        for (a, b) in zip(found, values.sorted()) { #expect(abs(a - b) < 1e-9 * max(1, abs(b)), "\(a) vs \(b)") }
    }

    @Test func diagonalAndRepeatedEigenvalues() {
        #expect(
            SymmetricEigenvalues.of(Matrix(rows: 3, columns: 3, elements: [2, 0, 0, 0, -1, 0, 0, 0, 5])) == [-1, 2, 5])
        let ones = SymmetricEigenvalues.of(Matrix(rows: 4, columns: 4, repeating: 1))
        #expect(abs(ones[3] - 4) < 1e-12 && ones.prefix(3).allSatisfy { abs($0) < 1e-12 })
    }
}
