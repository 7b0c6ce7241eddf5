import Foundation
import LinearAlgebra

/// GFLOP/s of InitLab's GEMM kernels and OpenBLAS's sgemm on the training's shapes, one thread
/// each, as a share of the single-core peak (OpenBLAS, 1024^3, measured in the same run).
enum GEMMBenchmark {
    struct Shape {
        let name: String
        let m: Int, n: Int, k: Int
        let transposeA: Bool, transposeB: Bool

        /// Batch 128 through a layer of `inputs` -> `outputs`: forward, dW = X^T delta, delta W^T.
        static func layer(_ inputs: Int, _ outputs: Int, batch: Int = 128) -> [Shape] {
            [
                Shape(
                    name: "\(batch)x\(inputs)x\(outputs) forward", m: batch, n: outputs, k: inputs, transposeA: false,
                    transposeB: false),
                Shape(
                    name: "\(inputs)x\(batch)x\(outputs) dW = X^T delta", m: inputs, n: outputs, k: batch,
                    transposeA: true, transposeB: false),
                Shape(
                    name: "\(batch)x\(outputs)x\(inputs) delta W^T", m: batch, n: inputs, k: outputs, transposeA: false,
                    transposeB: true),
            ]
        }
    }

    /// m x k x n: the textbook's first and hidden layers, the hidden layers of the wide networks.
    static let shapes =
        Shape.layer(784, 100) + Shape.layer(100, 100) + Shape.layer(784, 784) + Shape.layer(1024, 1024)
        + Shape.layer(4096, 4096)
    static let square = Shape(name: "1024x1024x1024", m: 1024, n: 1024, k: 1024, transposeA: false, transposeB: false)

    /// The table for every shape whose name contains `filter` (all when empty).
    static func run(filter: String = "") {
        guard let blas = OpenBLAS() else {
            print("gemm: OpenBLAS not found (install libopenblas-dev: make bench does)")
            return
        }
        // Debian's OpenBLAS (0.3.21) falls back to its SSE3 "Prescott" kernels on CPUs newer than
        // it knows, which would make a straw man of it: run again with its AVX-512 kernels.
        if blas.coreName == "Prescott", GEMM.Kernel.available.contains(.avx512),
            ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil
        {
            print(
                "gemm: OpenBLAS does not know this CPU (it chose Prescott); rerunning with OPENBLAS_CORETYPE=SkylakeX")
            fflush(nil)
            setenv("OPENBLAS_CORETYPE", "SkylakeX", 1)
            let arguments = CommandLine.arguments.map { strdup($0) } + [nil]
            execv("/proc/self/exe", arguments)
        }
        let kernels = GEMM.Kernel.available.reversed()
        print(
            "gemm: OpenBLAS \(blas.configuration); InitLab kernels \(kernels.map(\.rawValue).joined(separator: ", "))")
        // The peak is the best of many rounds: a shared machine can only make a round slower.
        let peak1 = measure(square, blas: blas, threads: 1, kernel: GEMM.Kernel.preferred, rounds: 15)
        let peak2 = measure(square, blas: blas, threads: 2, kernel: GEMM.Kernel.preferred, rounds: 15)
        let peak = peak1.openBLAS
        print(
            String(
                format: "sgemm peak (OpenBLAS 1024^3): 1 thread %.1f GFLOP/s, 2 threads %.1f GFLOP/s", peak1.openBLAS,
                peak2.openBLAS))
        print(
            String(
                format: "initlab 1024^3 (%@): 1 thread %.1f GFLOP/s, 2 threads %.1f GFLOP/s",
                GEMM.Kernel.preferred.rawValue, peak1.initLab, peak2.initLab))
        print("one thread each, GFLOP/s of thread CPU time, best of 7 alternating rounds")
        var header = "shape (m x k x n)".padding(toLength: 36, withPad: " ", startingAt: 0)
        for kernel in kernels {
            header += "  \(kernel.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0))  % peak"
        }
        header += "  openblas  % peak  initlab/openblas"
        print(header)
        for shape in shapes where filter.isEmpty || shape.name.contains(filter) {
            var line = shape.name.padding(toLength: 36, withPad: " ", startingAt: 0)
            var best = 0.0
            var theirs = 0.0
            for kernel in kernels {
                let result = measure(shape, blas: blas, threads: 1, kernel: kernel)
                line += String(format: "  %6.1f  %5.0f%%", result.initLab, 100 * result.initLab / peak)
                best = max(best, result.initLab)
                theirs = max(theirs, result.openBLAS)
            }
            line += String(format: "  %8.1f  %5.0f%%  %16.2f", theirs, 100 * theirs / peak, best / theirs)
            print(line)
        }
    }

    /// Best-of-rounds GFLOP/s of InitLab (`threads`, `kernel`) and OpenBLAS (`threads`) on one
    /// shape, alternating so that both share the machine's noise.
    static func measure(_ shape: Shape, blas: OpenBLAS, threads: Int, kernel: GEMM.Kernel, rounds: Int = 7) -> (
        initLab: Double, openBLAS: Double
    ) {
        let a = (0..<(shape.m * shape.k)).map { Float(($0 * 7919) % 1000) / 1000 - 0.5 }
        let b = (0..<(shape.k * shape.n)).map { Float(($0 * 104729) % 1000) / 1000 - 0.5 }
        var c = [Float](repeating: 0, count: shape.m * shape.n)
        let workspace = GEMMWorkspace()
        let flops = 2.0 * Double(shape.m * shape.n * shape.k)
        let repetitions = max(3, Int(1e9 / flops))
        var best = (Double.infinity, Double.infinity)
        let lda = shape.transposeA ? shape.m : shape.k
        let ldb = shape.transposeB ? shape.k : shape.n
        blas.setThreads(threads)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    for _ in 0..<rounds {
                        let ours = time(repetitions, threads: threads) {
                            GEMM.multiply(
                                m: shape.m, n: shape.n, k: shape.k,
                                a: GEMM.Operand(a.baseAddress!, leadingDimension: lda, transposed: shape.transposeA),
                                b: GEMM.Operand(b.baseAddress!, leadingDimension: ldb, transposed: shape.transposeB),
                                c: c.baseAddress!, ldc: shape.n, workspace: workspace, threads: threads, kernel: kernel)
                        }
                        let theirs = time(repetitions, threads: threads) {
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
        blas.setThreads(1)
        return (flops * Double(repetitions) / best.0 / 1e9, flops * Double(repetitions) / best.1 / 1e9)
    }

    /// Seconds for `repetitions` calls: the calling thread's CPU time when one thread works (time
    /// slices taken by other processes on a shared machine do not count), else wall time.
    static func time(_ repetitions: Int, threads: Int, _ body: () -> Void) -> Double {
        let clock = threads == 1 ? CLOCK_THREAD_CPUTIME_ID : CLOCK_MONOTONIC
        var start = timespec()
        var end = timespec()
        clock_gettime(clock, &start)
        for _ in 0..<repetitions { body() }
        clock_gettime(clock, &end)
        return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) * 1e-9
    }
}
