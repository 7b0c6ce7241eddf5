import LinearAlgebra
import Randomness
import Synchronization
import Testing

@Suite struct GEMMTests {
    static func random(_ count: Int, seed: UInt64) -> [Float] {
        var stream = RandomStream(seed: seed, path: "gemm")
        return (0..<count).map { _ in Float(stream.nextNormal()) }
    }

    /// The shapes and storage of one product: leading dimensions of 0 mean "packed" (the
    /// logical width); larger ones leave padding that holds NaN, which must be neither read nor
    /// written.
    struct Layout: CustomStringConvertible, Sendable {
        var m: Int, n: Int, k: Int
        var transposeA = false, transposeB = false
        var lda = 0, ldb = 0, ldc = 0

        var storedA: (rows: Int, columns: Int) { transposeA ? (k, m) : (m, k) }
        var storedB: (rows: Int, columns: Int) { transposeB ? (n, k) : (k, n) }
        var leadingA: Int { max(lda, storedA.columns) }
        var leadingB: Int { max(ldb, storedB.columns) }
        var leadingC: Int { max(ldc, n) }
        var description: String {
            "\(m)x\(n)x\(k) tA \(transposeA) tB \(transposeB) lda \(leadingA) ldb \(leadingB) ldc \(leadingC)"
        }
    }

    /// A stored matrix with NaN in the padding of each row.
    static func stored(rows: Int, columns: Int, leading: Int, seed: UInt64) -> [Float] {
        let values = random(rows * columns, seed: seed)
        var storage = [Float](repeating: .nan, count: rows * leading)
        for row in 0..<rows {
            for column in 0..<columns { storage[row * leading + column] = values[row * columns + column] }
        }
        return storage
    }

    /// op(A) op(B) by one kernel and by the naive reference, as the whole stored C (padding included).
    static func both(_ layout: Layout, threads: Int, kernel: GEMM.Kernel, reference wanted: Bool = true) -> (
        fast: [UInt32], reference: [UInt32]
    ) {
        let a = stored(
            rows: layout.storedA.rows, columns: layout.storedA.columns, leading: layout.leadingA,
            seed: UInt64(layout.m * 31 + layout.k))
        let b = stored(
            rows: layout.storedB.rows, columns: layout.storedB.columns, leading: layout.leadingB,
            seed: UInt64(layout.n * 17 + layout.k))
        var fast = [Float](repeating: .nan, count: layout.m * layout.leadingC)
        var reference = fast
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                let opA = GEMM.Operand(a.baseAddress!, leadingDimension: layout.leadingA, transposed: layout.transposeA)
                let opB = GEMM.Operand(b.baseAddress!, leadingDimension: layout.leadingB, transposed: layout.transposeB)
                fast.withUnsafeMutableBufferPointer {
                    GEMM.multiply(
                        m: layout.m, n: layout.n, k: layout.k, a: opA, b: opB, c: $0.baseAddress!, ldc: layout.leadingC,
                        workspace: GEMMWorkspace(), threads: threads, kernel: kernel)
                }
                if wanted {
                    reference.withUnsafeMutableBufferPointer {
                        GEMMReference.multiply(
                            m: layout.m, n: layout.n, k: layout.k, a: opA, b: opB, c: $0.baseAddress!,
                            ldc: layout.leadingC)
                    }
                }
            }
        }
        return (fast.map(\.bitPattern), reference.map(\.bitPattern))
    }

    /// op(A) (m x k) op(B) (k x n), packed storage.
    static func both(m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool, threads: Int) -> (
        fast: [UInt32], reference: [UInt32]
    ) {
        both(
            Layout(m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB), threads: threads,
            kernel: .preferred)
    }

    @Test(arguments: [(1, 1, 1), (6, 16, 5), (7, 17, 3), (13, 100, 29), (128, 100, 78), (35, 10, 128), (9, 49, 300)])
    func kernelIsBitIdenticalToTheReference(shape: (Int, Int, Int)) {
        for kernel in GEMM.Kernel.available {
            for (transposeA, transposeB) in [(false, false), (true, false), (false, true), (true, true)] {
                let layout = Layout(m: shape.0, n: shape.1, k: shape.2, transposeA: transposeA, transposeB: transposeB)
                let result = Self.both(layout, threads: 2, kernel: kernel)
                #expect(result.fast == result.reference, "\(kernel) \(layout)")
            }
        }
    }

    /// Operands stored with leading dimensions larger than their logical widths (padding full of
    /// NaN), B rows far apart (the AVX2 kernel packs B when its leading dimension exceeds 512),
    /// transposed operands with large leading dimensions, and a C with padding that must stay
    /// untouched; k past one AVX-512 k block.
    @Test(arguments: [
        Layout(m: 20, n: 40, k: 33, ldb: 600),
        Layout(m: 13, n: 64, k: 520, lda: 530, ldb: 700, ldc: 70),
        Layout(m: 30, n: 50, k: 40, transposeA: true, lda: 640),
        Layout(m: 17, n: 45, k: 61, transposeB: true, ldb: 900),
        Layout(m: 25, n: 70, k: 300, transposeA: true, transposeB: true, lda: 800, ldb: 1000, ldc: 75),
        Layout(m: 9, n: 16, k: 7, lda: 9, ldb: 513, ldc: 17),
    ])
    func stridedOperandsAreBitIdenticalToTheReference(layout: Layout) {
        for kernel in GEMM.Kernel.available {
            for threads in [1, 2] {
                let result = Self.both(layout, threads: threads, kernel: kernel)
                #expect(result.fast == result.reference, "\(kernel) \(threads) threads \(layout)")
            }
        }
    }

    @Test func resultDoesNotDependOnThreadCountOrKernel() {
        var results: [[UInt32]] = []
        for kernel in GEMM.Kernel.available {
            for threads in [1, 2, 3] {
                results.append(
                    Self.both(Layout(m: 128, n: 100, k: 200), threads: threads, kernel: kernel, reference: false).fast)
            }
        }
        #expect(results.count >= 3 && results.allSatisfy { $0 == results[0] })
    }

    @Test func productIsCloseToDoublePrecision() {
        let (m, n, k) = (9, 20, 300)
        let a = Self.random(m * k, seed: 1)
        let b = Self.random(k * n, seed: 2)
        let product = Matrix(rows: m, columns: k, elements: a).multiplied(by: Matrix(rows: k, columns: n, elements: b))
        for i in 0..<m {
            for j in 0..<n {
                var exact = 0.0
                for index in 0..<k { exact += Double(a[i * k + index]) * Double(b[index * n + j]) }
                #expect(abs(Double(product[i, j]) - exact) < 1e-4 * Double(k).squareRoot())
            }
        }
    }

    /// Every row gets the epilogue once, after it is complete, for shapes where threads split the
    /// rows, the columns, or nothing.
    @Test(arguments: [(20, 7, 5), (128, 300, 64), (40, 100, 200)])
    func epilogueSeesEveryFinishedRowOnce(shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        let a = Self.random(m * k, seed: 3)
        let b = Self.random(k * n, seed: 4)
        var reference = [Float](repeating: .nan, count: m * n)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                GEMMReference.multiply(
                    m: m, n: n, k: k, a: GEMM.Operand(a.baseAddress!, leadingDimension: k),
                    b: GEMM.Operand(b.baseAddress!, leadingDimension: n), c: &reference, ldc: n)
            }
        }
        let expected = reference.map(\.bitPattern)
        for kernel in GEMM.Kernel.available {
            var c = [Float](repeating: 0, count: m * n)
            var copies = [Float](repeating: .nan, count: m * n)
            let seen = SeenRows()
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    c.withUnsafeMutableBufferPointer { c in
                        copies.withUnsafeMutableBufferPointer { copies in
                            let target = UncheckedSendable(copies.baseAddress!)
                            GEMM.multiply(
                                m: m, n: n, k: k, a: GEMM.Operand(a.baseAddress!, leadingDimension: k),
                                b: GEMM.Operand(b.baseAddress!, leadingDimension: n), c: c.baseAddress!, ldc: n,
                                workspace: GEMMWorkspace(), threads: 2, kernel: kernel
                            ) { row, pointer in
                                seen.add(row)
                                (target.value + row * n).update(from: pointer, count: n)
                                for column in 0..<n { pointer[column] = 1 }
                            }
                        }
                    }
                }
            }
            #expect(seen.rows.sorted() == Array(0..<m), "\(kernel)")
            #expect(c.allSatisfy { $0 == 1 }, "\(kernel)")
            #expect(copies.map(\.bitPattern) == expected, "\(kernel): the epilogue saw unfinished rows")
        }
    }
}

final class SeenRows: Sendable {
    private let storage = Locked<[Int]>([])
    func add(_ row: Int) { storage.withLock { $0.append(row) } }
    var rows: [Int] { storage.withLock { $0 } }
}
