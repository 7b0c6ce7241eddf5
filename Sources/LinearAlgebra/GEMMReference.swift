/// The naive product with exactly the summation of `GEMM`: per element, `c = fma(a, b, c)` over
/// k in increasing order from 0. Slow; the yardstick for bit-identity tests.
public enum GEMMReference {
    public static func multiply(
        m: Int, n: Int, k: Int, a: GEMM.Operand, b: GEMM.Operand, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        for row in 0..<m {
            for column in 0..<n {
                var sum: Float = 0
                for index in 0..<k { sum = sum.addingProduct(a.element(row, index), b.element(index, column)) }
                c[row * ldc + column] = sum
            }
        }
    }
}
