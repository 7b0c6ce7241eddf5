import LinearAlgebra
import RealModule

/// The precisions the training engine runs in: `Float` for experiments (fast kernel) and
/// `Double` for finite-difference gradient checks (plain loops).
public protocol TrainingScalar: BinaryFloatingPoint & Real & Sendable {
    /// C (m x n) = op(A) op(B), row-major with leading dimensions, then `epilogue` per row.
    static func gemm(
        m: Int, n: Int, k: Int, a: UnsafePointer<Self>, lda: Int, transposeA: Bool,
        b: UnsafePointer<Self>, ldb: Int, transposeB: Bool, c: UnsafeMutablePointer<Self>, ldc: Int,
        workspace: GEMMWorkspace, threads: Int, epilogue: ((Int, UnsafeMutablePointer<Self>) -> Void)?)

    /// `gemm` with an epilogue that does not escape, so that its captures stay on the stack and
    /// a training step allocates nothing.
    static func gemm(
        m: Int, n: Int, k: Int, a: UnsafePointer<Self>, lda: Int, transposeA: Bool,
        b: UnsafePointer<Self>, ldb: Int, transposeB: Bool, c: UnsafeMutablePointer<Self>, ldc: Int,
        workspace: GEMMWorkspace, threads: Int, rowEpilogue: (Int, UnsafeMutablePointer<Self>) -> Void)
}

extension Float: TrainingScalar {
    public static func gemm(
        m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, transposeA: Bool,
        b: UnsafePointer<Float>, ldb: Int, transposeB: Bool, c: UnsafeMutablePointer<Float>, ldc: Int,
        workspace: GEMMWorkspace, threads: Int, epilogue: ((Int, UnsafeMutablePointer<Float>) -> Void)?
    ) {
        GEMM.multiply(
            m: m, n: n, k: k, a: GEMM.Operand(a, leadingDimension: lda, transposed: transposeA),
            b: GEMM.Operand(b, leadingDimension: ldb, transposed: transposeB), c: c, ldc: ldc,
            workspace: workspace, threads: threads, epilogue: epilogue)
    }

    public static func gemm(
        m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, transposeA: Bool,
        b: UnsafePointer<Float>, ldb: Int, transposeB: Bool, c: UnsafeMutablePointer<Float>, ldc: Int,
        workspace: GEMMWorkspace, threads: Int, rowEpilogue: (Int, UnsafeMutablePointer<Float>) -> Void
    ) {
        GEMM.multiply(
            m: m, n: n, k: k, a: GEMM.Operand(a, leadingDimension: lda, transposed: transposeA),
            b: GEMM.Operand(b, leadingDimension: ldb, transposed: transposeB), c: c, ldc: ldc,
            workspace: workspace, threads: threads, rowEpilogue: rowEpilogue)
    }
}

extension Double: TrainingScalar {
    public static func gemm(
        m: Int, n: Int, k: Int, a: UnsafePointer<Double>, lda: Int, transposeA: Bool,
        b: UnsafePointer<Double>, ldb: Int, transposeB: Bool, c: UnsafeMutablePointer<Double>, ldc: Int,
        workspace: GEMMWorkspace, threads: Int, epilogue: ((Int, UnsafeMutablePointer<Double>) -> Void)?
    ) {
        gemm(
            m: m, n: n, k: k, a: a, lda: lda, transposeA: transposeA, b: b, ldb: ldb, transposeB: transposeB, c: c,
            ldc: ldc, workspace: workspace, threads: threads
        ) { row, pointer in epilogue?(row, pointer) }
    }

    public static func gemm(
        m: Int, n: Int, k: Int, a: UnsafePointer<Double>, lda: Int, transposeA: Bool,
        b: UnsafePointer<Double>, ldb: Int, transposeB: Bool, c: UnsafeMutablePointer<Double>, ldc: Int,
        workspace: GEMMWorkspace, threads: Int, rowEpilogue: (Int, UnsafeMutablePointer<Double>) -> Void
    ) {
        for row in 0..<m {
            for column in 0..<n {
                var sum = 0.0
                for index in 0..<k {
                    let x = transposeA ? a[index * lda + row] : a[row * lda + index]
                    let y = transposeB ? b[column * ldb + index] : b[index * ldb + column]
                    sum = sum.addingProduct(x, y)
                }
                c[row * ldc + column] = sum
            }
            rowEpilogue(row, c + row * ldc)
        }
    }
}
