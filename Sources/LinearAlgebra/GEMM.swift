/// Single-precision matrix products C = op(A) op(B) for the training engine.
///
/// Every element of C is one fused multiply-add chain over k in increasing order, starting from
/// 0: `c = fma(a[k], b[k], c)`. Blocking, packing and threads change only who computes which
/// element, never the order inside one, so the result is bit-identical at any thread count and
/// in debug and release builds (`GEMMReference` computes the same chain naively; tests compare).
///
/// Layout: row-major with leading dimensions. The kernel computes 6 x 16 tiles of C from packed
/// panels of A (6 rows) and B (16 columns), rows of C are distributed over threads, and an
/// optional epilogue runs on each finished row while it is still in cache (bias, activation).
public enum GEMM {
    /// Rows of C per micro-tile.
    public static let tileRows = 6
    /// Columns of C per micro-tile.
    public static let tileColumns = 16

    /// An operand: a row-major matrix in memory, used as is or transposed.
    public struct Operand {
        public let base: UnsafePointer<Float>
        /// Elements between consecutive rows of the stored matrix.
        public let leadingDimension: Int
        public let transposed: Bool

        public init(_ base: UnsafePointer<Float>, leadingDimension: Int, transposed: Bool = false) {
            self.base = base
            self.leadingDimension = leadingDimension
            self.transposed = transposed
        }

        /// Element (row, column) of op(X).
        @inline(__always)
        func element(_ row: Int, _ column: Int) -> Float {
            transposed ? base[column * leadingDimension + row] : base[row * leadingDimension + column]
        }
    }

    /// Called for each finished row of C: (row index, pointer to the row's first element).
    public typealias RowEpilogue = (Int, UnsafeMutablePointer<Float>) -> Void

    /// C (m x n, leading dimension ldc) = op(A) (m x k) * op(B) (k x n), then `epilogue` per row.
    public static func multiply(m: Int, n: Int, k: Int, a: Operand, b: Operand, c: UnsafeMutablePointer<Float>, ldc: Int,
                                workspace: GEMMWorkspace, threads: Int = ComputeThreads.count, epilogue: RowEpilogue? = nil) {
        guard m > 0, n > 0 else { return }
        let strips = (n + tileColumns - 1) / tileColumns
        let panels = (m + tileRows - 1) / tileRows
        let workers = max(1, min(threads, panels))
        workspace.reserve(k: k, strips: strips, threads: workers)
        let packedB = workspace.packedB
        packB(b, k: k, n: n, strips: strips, into: packedB)
        let shared = UncheckedSendable((c, epilogue))
        // Consecutive row panels are grouped so each task amortises its dispatch.
        let panelsPerTask = max(1, panels / (workers * 4))
        let tasks = (panels + panelsPerTask - 1) / panelsPerTask
        let slots = workspace.slotCounter
        ParallelLoop.run(tasks, threads: workers) { task in
            let (c, epilogue) = shared.value
            let slot = slots.acquire()
            defer { slots.release(slot) }
            let packedA = workspace.packedA(slot: slot)
            for panel in (task * panelsPerTask)..<min(panels, (task + 1) * panelsPerTask) {
                let row0 = panel * tileRows
                let rows = min(tileRows, m - row0)
                packA(a, row0: row0, rows: rows, k: k, into: packedA)
                for strip in 0..<strips {
                    let column0 = strip * tileColumns
                    microKernel(k: k, a: packedA, b: packedB + strip * k * tileColumns, c: c + row0 * ldc + column0, ldc: ldc,
                                rows: rows, columns: min(tileColumns, n - column0))
                }
                if let epilogue {
                    for row in row0..<(row0 + rows) { epilogue(row, c + row * ldc) }
                }
            }
        }
    }

    /// op(B) into strips of 16 columns, k-major, zero-padded on the right.
    private static func packB(_ b: Operand, k: Int, n: Int, strips: Int, into packed: UnsafeMutablePointer<Float>) {
        for strip in 0..<strips {
            let column0 = strip * tileColumns
            let width = min(tileColumns, n - column0)
            let destination = packed + strip * k * tileColumns
            for row in 0..<k {
                let target = destination + row * tileColumns
                if !b.transposed && width == tileColumns {
                    target.update(from: b.base + row * b.leadingDimension + column0, count: tileColumns)
                } else {
                    for column in 0..<tileColumns {
                        target[column] = column < width ? b.element(row, column0 + column) : 0
                    }
                }
            }
        }
    }

    /// Rows row0..<row0+rows of op(A), k-major (6 values per k), zero-padded below.
    private static func packA(_ a: Operand, row0: Int, rows: Int, k: Int, into packed: UnsafeMutablePointer<Float>) {
        for column in 0..<k {
            let target = packed + column * tileRows
            for row in 0..<tileRows {
                target[row] = row < rows ? a.element(row0 + row, column) : 0
            }
        }
    }

    /// One 6 x 16 tile: twelve 8-wide accumulators, one FMA chain per element over k.
    @inline(__always)
    private static func microKernel(k: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>,
                                    ldc: Int, rows: Int, columns: Int) {
        var c00 = SIMD8<Float>(), c01 = SIMD8<Float>(), c10 = SIMD8<Float>(), c11 = SIMD8<Float>()
        var c20 = SIMD8<Float>(), c21 = SIMD8<Float>(), c30 = SIMD8<Float>(), c31 = SIMD8<Float>()
        var c40 = SIMD8<Float>(), c41 = SIMD8<Float>(), c50 = SIMD8<Float>(), c51 = SIMD8<Float>()
        var ap = a, bp = UnsafeRawPointer(b)
        for _ in 0..<k {
            let b0 = bp.loadUnaligned(as: SIMD8<Float>.self)
            let b1 = bp.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
            var s = SIMD8<Float>(repeating: ap[0])
            c00.addProduct(s, b0)
            c01.addProduct(s, b1)
            s = SIMD8<Float>(repeating: ap[1])
            c10.addProduct(s, b0)
            c11.addProduct(s, b1)
            s = SIMD8<Float>(repeating: ap[2])
            c20.addProduct(s, b0)
            c21.addProduct(s, b1)
            s = SIMD8<Float>(repeating: ap[3])
            c30.addProduct(s, b0)
            c31.addProduct(s, b1)
            s = SIMD8<Float>(repeating: ap[4])
            c40.addProduct(s, b0)
            c41.addProduct(s, b1)
            s = SIMD8<Float>(repeating: ap[5])
            c50.addProduct(s, b0)
            c51.addProduct(s, b1)
            ap += tileRows
            bp += tileColumns * MemoryLayout<Float>.stride
        }
        if rows == tileRows && columns == tileColumns {
            store(c00, c01, to: c)
            store(c10, c11, to: c + ldc)
            store(c20, c21, to: c + 2 * ldc)
            store(c30, c31, to: c + 3 * ldc)
            store(c40, c41, to: c + 4 * ldc)
            store(c50, c51, to: c + 5 * ldc)
            return
        }
        let tile = [c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51]
        for row in 0..<rows {
            for column in 0..<columns {
                c[row * ldc + column] = tile[row * 2 + column / 8][column % 8]
            }
        }
    }

    @inline(__always)
    private static func store(_ low: SIMD8<Float>, _ high: SIMD8<Float>, to pointer: UnsafeMutablePointer<Float>) {
        let raw = UnsafeMutableRawPointer(pointer)
        raw.storeBytes(of: low, as: SIMD8<Float>.self)
        raw.storeBytes(of: high, toByteOffset: 32, as: SIMD8<Float>.self)
    }
}
