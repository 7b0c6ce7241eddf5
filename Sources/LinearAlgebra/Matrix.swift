/// A dense row-major matrix of `Float` or `Double`.
///
/// Row `r` occupies `elements[r * columns ..< (r + 1) * columns]`. A batch of `n` samples with
/// `d` features is an `n x d` matrix; a dense layer's weight is stored `in x out`, so a forward
/// pass is `X * W`.
public struct Matrix<Scalar: BinaryFloatingPoint & Sendable>: Equatable, Sendable {
    public let rows: Int
    public let columns: Int
    public var elements: [Scalar]

    /// A matrix filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Scalar = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        elements = [Scalar](repeating: value, count: rows * columns)
    }

    /// A matrix over the given row-major elements.
    public init(rows: Int, columns: Int, elements: [Scalar]) {
        precondition(elements.count == rows * columns, "expected \(rows * columns) elements, got \(elements.count)")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A matrix whose element (r, c) is `entry(r, c)`, filled in row-major order.
    public init(rows: Int, columns: Int, entry: (Int, Int) -> Scalar) {
        self.rows = rows
        self.columns = columns
        var elements = [Scalar]()
        elements.reserveCapacity(rows * columns)
        for r in 0..<rows {
            for c in 0..<columns { elements.append(entry(r, c)) }
        }
        self.elements = elements
    }

    public subscript(row: Int, column: Int) -> Scalar {
        get { elements[row * columns + column] }
        set { elements[row * columns + column] = newValue }
    }

    /// The transpose.
    public var transposed: Matrix {
        Matrix(rows: columns, columns: rows) { r, c in self[c, r] }
    }

    /// The product `self * other`: each element one fused multiply-add chain over k in
    /// increasing order (the order `GEMM` uses, so both agree bit for bit).
    public func multiplied(by other: Matrix) -> Matrix {
        precondition(columns == other.rows, "cannot multiply \(rows)x\(columns) by \(other.rows)x\(other.columns)")
        if let single = self as? Matrix<Float>, let otherSingle = other as? Matrix<Float> {
            return single.gemmProduct(otherSingle) as! Matrix
        }
        var product = Matrix(rows: rows, columns: other.columns)
        elements.withUnsafeBufferPointer { a in
            other.elements.withUnsafeBufferPointer { b in
                product.elements.withUnsafeMutableBufferPointer { c in
                    for i in 0..<rows {
                        for j in 0..<other.columns {
                            var sum: Scalar = 0
                            for k in 0..<columns {
                                sum = sum.addingProduct(a[i * columns + k], b[k * other.columns + j])
                            }
                            c[i * other.columns + j] = sum
                        }
                    }
                }
            }
        }
        return product
    }
}

extension Matrix where Scalar == Float {
    /// The product `self * other` by the fast `GEMM` kernel (the generic `multiplied(by:)`
    /// forwards here for `Float`).
    func gemmProduct(_ other: Matrix<Float>, workspace: GEMMWorkspace = GEMMWorkspace()) -> Matrix<Float> {
        var product = Matrix(rows: rows, columns: other.columns)
        elements.withUnsafeBufferPointer { a in
            other.elements.withUnsafeBufferPointer { b in
                product.elements.withUnsafeMutableBufferPointer { c in
                    GEMM.multiply(
                        m: rows, n: other.columns, k: columns,
                        a: GEMM.Operand(a.baseAddress!, leadingDimension: columns),
                        b: GEMM.Operand(b.baseAddress!, leadingDimension: other.columns),
                        c: c.baseAddress!, ldc: other.columns, workspace: workspace)
                }
            }
        }
        return product
    }
}
