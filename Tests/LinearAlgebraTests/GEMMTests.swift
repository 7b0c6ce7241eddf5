import LinearAlgebra
import Randomness
import Synchronization
import Testing

@Suite struct GEMMTests {
    static func random(_ count: Int, seed: UInt64) -> [Float] {
        var stream = RandomStream(seed: seed, path: "gemm")
        return (0..<count).map { _ in Float(stream.nextNormal()) }
    }

    /// op(A) (m x k) op(B) (k x n) by the kernel and by the naive reference.
    static func both(m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool, threads: Int) -> (
        fast: [Float], reference: [Float]
    ) {
        let a = random(m * k, seed: UInt64(m * 31 + k))
        let b = random(k * n, seed: UInt64(n * 17 + k))
        var fast = [Float](repeating: .nan, count: m * n)
        var reference = fast
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                let opA = GEMM.Operand(a.baseAddress!, leadingDimension: transposeA ? m : k, transposed: transposeA)
                let opB = GEMM.Operand(b.baseAddress!, leadingDimension: transposeB ? k : n, transposed: transposeB)
                fast.withUnsafeMutableBufferPointer {
                    GEMM.multiply(
                        m: m, n: n, k: k, a: opA, b: opB, c: $0.baseAddress!, ldc: n, workspace: GEMMWorkspace(),
                        threads: threads)
                }
                reference.withUnsafeMutableBufferPointer {
                    GEMMReference.multiply(m: m, n: n, k: k, a: opA, b: opB, c: $0.baseAddress!, ldc: n)
                }
            }
        }
        return (fast, reference)
    }

    @Test(arguments: [(1, 1, 1), (6, 16, 5), (7, 17, 3), (13, 100, 29), (128, 100, 78), (35, 10, 128)])
    func kernelIsBitIdenticalToTheReference(shape: (Int, Int, Int)) {
        for (transposeA, transposeB) in [(false, false), (true, false), (false, true), (true, true)] {
            let result = Self.both(
                m: shape.0, n: shape.1, k: shape.2, transposeA: transposeA, transposeB: transposeB, threads: 2)
            #expect(
                result.fast.map(\.bitPattern) == result.reference.map(\.bitPattern),
                "\(shape) \(transposeA) \(transposeB)")
        }
    }

    @Test func resultDoesNotDependOnThreadCount() {
        let one = Self.both(m: 128, n: 100, k: 784, transposeA: false, transposeB: false, threads: 1).fast
        let two = Self.both(m: 128, n: 100, k: 784, transposeA: false, transposeB: false, threads: 2).fast
        let three = Self.both(m: 128, n: 100, k: 784, transposeA: false, transposeB: false, threads: 3).fast
        #expect(one.map(\.bitPattern) == two.map(\.bitPattern) && two.map(\.bitPattern) == three.map(\.bitPattern))
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

    @Test func epilogueSeesEveryRowOnce() {
        let (m, n, k) = (20, 7, 5)
        let a = Self.random(m * k, seed: 3)
        let b = Self.random(k * n, seed: 4)
        var c = [Float](repeating: 0, count: m * n)
        let seen = SeenRows()
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    GEMM.multiply(
                        m: m, n: n, k: k, a: GEMM.Operand(a.baseAddress!, leadingDimension: k),
                        b: GEMM.Operand(b.baseAddress!, leadingDimension: n), c: c.baseAddress!, ldc: n,
                        workspace: GEMMWorkspace(), threads: 2
                    ) { row, pointer in
                        seen.add(row)
                        for column in 0..<n { pointer[column] = 1 }
                    }
                }
            }
        }
        #expect(seen.rows.sorted() == Array(0..<m))
        #expect(c.allSatisfy { $0 == 1 })
    }
}

final class SeenRows: Sendable {
    private let storage = Locked<[Int]>([])
    func add(_ row: Int) { storage.withLock { $0.append(row) } }
    var rows: [Int] { storage.withLock { $0 } }
}
