import Foundation
import LinearAlgebra

/// GFLOP/s of InitLab's GEMM and OpenBLAS's sgemm, one thread each, on the training's shapes.
enum GEMMBenchmark {
    struct Shape {
        let name: String
        let m: Int, n: Int, k: Int
        let transposeA: Bool, transposeB: Bool
    }

    static let shapes = [
        Shape(name: "128x784x100 (forward, layer 1)", m: 128, n: 100, k: 784, transposeA: false, transposeB: false),
        Shape(name: "128x100x100 (forward, hidden)", m: 128, n: 100, k: 100, transposeA: false, transposeB: false),
        Shape(
            name: "784x128x100 (dW layer 1 = X^T delta)", m: 784, n: 100, k: 128, transposeA: true, transposeB: false),
        Shape(name: "100x128x100 (dW hidden)", m: 100, n: 100, k: 128, transposeA: true, transposeB: false),
        Shape(name: "128x100x100 (delta W^T)", m: 128, n: 100, k: 100, transposeA: false, transposeB: true),
        Shape(
            name: "128x100x784 (input gradient, unused)", m: 128, n: 784, k: 100, transposeA: false, transposeB: true),
        Shape(name: "1024x1024x1024", m: 1024, n: 1024, k: 1024, transposeA: false, transposeB: false),
    ]

    static func run() {
        guard let blas = OpenBLAS() else {
            print("gemm: OpenBLAS not found (install libopenblas-dev: make bench does)")
            return
        }
        print("gemm: one thread each; OpenBLAS \(blas.configuration)")
        print("shape".padding(toLength: 40, withPad: " ", startingAt: 0) + "  initlab GFLOP/s  openblas GFLOP/s  ratio")
        var ratios: [Double] = []
        for shape in shapes {
            let (ours, theirs) = measure(shape, blas: blas)
            ratios.append(ours / theirs)
            print(
                shape.name.padding(toLength: 40, withPad: " ", startingAt: 0)
                    + String(format: "  %15.1f  %16.1f  %5.2f", ours, theirs, ours / theirs))
        }
    }

    /// Best-of-repetitions GFLOP/s for both kernels on one shape, alternating to share noise.
    static func measure(_ shape: Shape, blas: OpenBLAS) -> (Double, Double) {
        let a = (0..<(shape.m * shape.k)).map { Float(($0 * 7919) % 1000) / 1000 - 0.5 }
        let b = (0..<(shape.k * shape.n)).map { Float(($0 * 104729) % 1000) / 1000 - 0.5 }
        var c = [Float](repeating: 0, count: shape.m * shape.n)
        let workspace = GEMMWorkspace()
        let flops = 2.0 * Double(shape.m * shape.n * shape.k)
        let repetitions = max(3, Int(2e9 / flops))
        var best = (Double.infinity, Double.infinity)
        let lda = shape.transposeA ? shape.m : shape.k
        let ldb = shape.transposeB ? shape.k : shape.n
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    for _ in 0..<5 {
                        let ours = time(repetitions) {
                            GEMM.multiply(
                                m: shape.m, n: shape.n, k: shape.k,
                                a: GEMM.Operand(a.baseAddress!, leadingDimension: lda, transposed: shape.transposeA),
                                b: GEMM.Operand(b.baseAddress!, leadingDimension: ldb, transposed: shape.transposeB),
                                c: c.baseAddress!, ldc: shape.n, workspace: workspace, threads: 1)
                        }
                        let theirs = time(repetitions) {
                            blas.multiply(
                                m: shape.m, n: shape.n, k: shape.k, a: a.baseAddress!, lda: lda,
                                transposeA: shape.transposeA,
                                b: b.baseAddress!, ldb: ldb, transposeB: shape.transposeB, c: c.baseAddress!,
                                ldc: shape.n)
                        }
                        best = (min(best.0, ours), min(best.1, theirs))
                    }
                }
            }
        }
        return (flops * Double(repetitions) / best.0 / 1e9, flops * Double(repetitions) / best.1 / 1e9)
    }

    static func time(_ repetitions: Int, _ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<repetitions { body() }
        let elapsed = start.duration(to: clock.now)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}
