import CGEMMKernel
import Foundation

/// Single-precision matrix products C = op(A) op(B) for the training engine.
///
/// Every element of C is one fused multiply-add chain over k in increasing order, starting from
/// 0: `c = fma(a[k], b[k], c)`. Blocking, packing and threads change only who computes which
/// element and where the running sum waits between k blocks (in C, as the same Float), never the
/// order inside one, so the result is bit-identical at any thread count, with either kernel, and
/// in debug and release builds (`GEMMReference` computes the same chain naively; tests compare).
///
/// Layout: row-major with leading dimensions. Two kernels, chosen at run time:
/// - AVX-512 (C, `CGEMMKernel`): 8 x 48 micro-tiles (24 accumulators of 16 floats), B packed per
///   k block into 48-column strips, A read in place; the output is split over threads in two
///   dimensions (column strips first, then rows), never along k.
/// - AVX2 (Swift, the fallback): 6 x 16 tiles, A and narrow-stride B read in place, rows of C
///   over threads.
/// An optional epilogue runs once on each finished row.
public enum GEMM {
    /// Rows of C per micro-tile of the AVX2 kernel.
    public static let tileRows = 6
    /// Columns of C per micro-tile of the AVX2 kernel.
    public static let tileColumns = 16

    /// The micro-kernels; both compute the same bits.
    public enum Kernel: String, Sendable, CaseIterable {
        /// 8-wide FMA (x86-64-v3), in Swift.
        case avx2
        /// 16-wide FMA with 32 vector registers, in C; needs AVX-512 F/BW/DQ/VL.
        case avx512

        /// The kernels this CPU can run, slowest first.
        public static let available: [Kernel] = {
            #if arch(x86_64)
                initlab_cpu_has_avx512() != 0 ? [.avx2, .avx512] : [.avx2]
            #else
                [.avx2]
            #endif
        }()

        /// The fastest available kernel, unless INITLAB_GEMM_KERNEL names another available one.
        public static let preferred: Kernel = {
            if let name = ProcessInfo.processInfo.environment["INITLAB_GEMM_KERNEL"],
                let kernel = Kernel(rawValue: name),
                available.contains(kernel)
            {
                return kernel
            }
            return available.last ?? .avx2
        }()

        /// Whether this CPU runs the AVX-512 kernel (kept: `contains` allocates in debug builds).
        static let hasAVX512 = available.contains(.avx512)
    }

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
    public static func multiply(
        m: Int, n: Int, k: Int, a: Operand, b: Operand, c: UnsafeMutablePointer<Float>, ldc: Int,
        workspace: GEMMWorkspace, threads: Int = ComputeThreads.count, kernel: Kernel = .preferred,
        epilogue: RowEpilogue? = nil
    ) {
        if let epilogue {
            dispatch(
                m: m, n: n, k: k, a: a, b: b, c: c, ldc: ldc, workspace: workspace, threads: threads, kernel: kernel,
                hasEpilogue: true, epilogue: epilogue)
        } else {
            dispatch(
                m: m, n: n, k: k, a: a, b: b, c: c, ldc: ldc, workspace: workspace, threads: threads, kernel: kernel,
                hasEpilogue: false
            ) { _, _ in }
        }
    }

    /// `multiply` with an epilogue that does not escape, so its captures stay on the stack: an
    /// optional closure is escaping, and each call would copy its context to the heap (the
    /// training engine's products allocate nothing).
    public static func multiply(
        m: Int, n: Int, k: Int, a: Operand, b: Operand, c: UnsafeMutablePointer<Float>, ldc: Int,
        workspace: GEMMWorkspace, threads: Int = ComputeThreads.count, kernel: Kernel = .preferred,
        rowEpilogue: (Int, UnsafeMutablePointer<Float>) -> Void
    ) {
        dispatch(
            m: m, n: n, k: k, a: a, b: b, c: c, ldc: ldc, workspace: workspace, threads: threads, kernel: kernel,
            hasEpilogue: true, epilogue: rowEpilogue)
    }

    private static func dispatch(
        m: Int, n: Int, k: Int, a: Operand, b: Operand, c: UnsafeMutablePointer<Float>, ldc: Int,
        workspace: GEMMWorkspace, threads: Int, kernel: Kernel, hasEpilogue: Bool,
        epilogue: (Int, UnsafeMutablePointer<Float>) -> Void
    ) {
        guard m > 0, n > 0 else { return }
        if kernel == .avx512 && Kernel.hasAVX512 {
            AVX512Driver.multiply(
                m: m, n: n, k: k, a: a, b: b, c: c, ldc: ldc, workspace: workspace, threads: threads,
                hasEpilogue: hasEpilogue, epilogue: epilogue)
        } else {
            multiplyAVX2(
                m: m, n: n, k: k, a: a, b: b, c: c, ldc: ldc, workspace: workspace, threads: threads,
                hasEpilogue: hasEpilogue, epilogue: epilogue)
        }
    }

    private static func multiplyAVX2(
        m: Int, n: Int, k: Int, a: Operand, b: Operand, c: UnsafeMutablePointer<Float>, ldc: Int,
        workspace: GEMMWorkspace, threads: Int, hasEpilogue: Bool, epilogue: (Int, UnsafeMutablePointer<Float>) -> Void
    ) {
        let strips = (n + tileColumns - 1) / tileColumns
        let panels = (m + tileRows - 1) / tileRows
        let workers = max(1, min(threads, panels))
        let packedB = workspace.buffer(floats: max(1, k * strips * tileColumns))
        // B is read in place when its rows hold 16 contiguous columns and are close together
        // (small leading dimension: few pages per strip); otherwise, and for a transposed B or a
        // narrow last strip, it is copied into zero-padded k x 16 panels first.
        let directStrips = b.transposed || b.leadingDimension > 512 ? 0 : n / tileColumns
        packB(b, k: k, n: n, firstStrip: directStrips, strips: strips, into: packedB)
        let directStride = b.leadingDimension * MemoryLayout<Float>.stride
        let packedStride = tileColumns * MemoryLayout<Float>.stride
        let bBase = UnsafeRawPointer(b.base)
        let packedBase = UnsafeRawPointer(packedB)
        // A is read in place: element (row, index) sits at row * rowStride + index * indexStride.
        let (rowStride, indexStride) = a.transposed ? (1, a.leadingDimension) : (a.leadingDimension, 1)
        // Consecutive row panels are grouped so each task amortises its dispatch.
        let panelsPerTask = max(1, panels / (workers * 4))
        let tasks = (panels + panelsPerTask - 1) / panelsPerTask
        ParallelLoop.run(tasks, threads: workers) { task in
            for panel in (task * panelsPerTask)..<min(panels, (task + 1) * panelsPerTask) {
                let row0 = panel * tileRows
                let rows = min(tileRows, m - row0)
                // Rows past the end repeat row 0: their results are computed but never stored.
                let offsets = SIMD8<Int>((0..<8).lazy.map { row in (row < rows ? row : 0) * rowStride })
                let aPanel = a.base + row0 * rowStride
                for strip in 0..<strips {
                    let column0 = strip * tileColumns
                    let columns = min(tileColumns, n - column0)
                    let direct = strip < directStrips
                    let bPanel = direct ? bBase + strip * packedStride : packedBase + strip * k * packedStride
                    let bStride = direct ? directStride : packedStride
                    if columns <= 8 {
                        narrowKernel(
                            k: k, a: aPanel, offsets: offsets, indexStride: indexStride, b: bPanel, bStride: bStride,
                            c: c + row0 * ldc + column0, ldc: ldc, rows: rows, columns: columns)
                    } else {
                        microKernel(
                            k: k, a: aPanel, offsets: offsets, indexStride: indexStride, b: bPanel, bStride: bStride,
                            c: c + row0 * ldc + column0, ldc: ldc, rows: rows, columns: columns)
                    }
                }
                if hasEpilogue {
                    for row in row0..<(row0 + rows) { epilogue(row, c + row * ldc) }
                }
            }
        }
    }

    /// Strips `firstStrip..<strips` of op(B), k-major, 16 columns each, zero-padded on the right.
    private static func packB(
        _ b: Operand, k: Int, n: Int, firstStrip: Int, strips: Int, into packed: UnsafeMutablePointer<Float>
    ) {
        let ld = b.leadingDimension
        for strip in firstStrip..<strips {
            let column0 = strip * tileColumns
            let width = min(tileColumns, n - column0)
            let destination = packed + strip * k * tileColumns
            if width < tileColumns { destination.update(repeating: 0, count: k * tileColumns) }
            if b.transposed {
                // op(B)[row, column] = B[column, row]: walk each stored row of B once.
                for column in 0..<width {
                    let source = b.base + (column0 + column) * ld
                    for row in 0..<k { destination[row * tileColumns + column] = source[row] }
                }
            } else {
                for row in 0..<k {
                    (destination + row * tileColumns).update(from: b.base + row * ld + column0, count: width)
                }
            }
        }
    }

    /// One 6 x 16 tile: twelve 8-wide accumulators, one FMA chain per element over k.
    @inline(__always)
    private static func microKernel(
        k: Int, a: UnsafePointer<Float>, offsets: SIMD8<Int>, indexStride: Int, b: UnsafeRawPointer, bStride: Int,
        c: UnsafeMutablePointer<Float>, ldc: Int, rows: Int, columns: Int
    ) {
        var c00 = SIMD8<Float>()
        var c01 = SIMD8<Float>()
        var c10 = SIMD8<Float>()
        var c11 = SIMD8<Float>()
        var c20 = SIMD8<Float>()
        var c21 = SIMD8<Float>()
        var c30 = SIMD8<Float>()
        var c31 = SIMD8<Float>()
        var c40 = SIMD8<Float>()
        var c41 = SIMD8<Float>()
        var c50 = SIMD8<Float>()
        var c51 = SIMD8<Float>()
        let o0 = offsets[0]
        let o1 = offsets[1]
        let o2 = offsets[2]
        let o3 = offsets[3]
        let o4 = offsets[4]
        let o5 = offsets[5]
        var ap = a
        var bp = b
        for _ in 0..<k {
            let b0 = bp.loadUnaligned(as: SIMD8<Float>.self)
            let b1 = bp.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
            var s = SIMD8<Float>(repeating: ap[o0])
            c00.addProduct(s, b0)
            c01.addProduct(s, b1)
            s = SIMD8<Float>(repeating: ap[o1])
            c10.addProduct(s, b0)
            c11.addProduct(s, b1)
            s = SIMD8<Float>(repeating: ap[o2])
            c20.addProduct(s, b0)
            c21.addProduct(s, b1)
            s = SIMD8<Float>(repeating: ap[o3])
            c30.addProduct(s, b0)
            c31.addProduct(s, b1)
            s = SIMD8<Float>(repeating: ap[o4])
            c40.addProduct(s, b0)
            c41.addProduct(s, b1)
            s = SIMD8<Float>(repeating: ap[o5])
            c50.addProduct(s, b0)
            c51.addProduct(s, b1)
            ap += indexStride
            bp += bStride
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
        // An edge tile: spill to the stack and copy the valid part.
        withUnsafeTemporaryAllocation(of: Float.self, capacity: tileRows * tileColumns) { tile in
            let base = tile.baseAddress!
            store(c00, c01, to: base)
            store(c10, c11, to: base + 16)
            store(c20, c21, to: base + 32)
            store(c30, c31, to: base + 48)
            store(c40, c41, to: base + 64)
            store(c50, c51, to: base + 80)
            for row in 0..<rows { (c + row * ldc).update(from: base + row * tileColumns, count: columns) }
        }
    }

    /// The last strip when at most 8 columns are left: half the work of the full kernel, the
    /// same FMA chain per element.
    @inline(__always)
    private static func narrowKernel(
        k: Int, a: UnsafePointer<Float>, offsets: SIMD8<Int>, indexStride: Int, b: UnsafeRawPointer, bStride: Int,
        c: UnsafeMutablePointer<Float>, ldc: Int, rows: Int, columns: Int
    ) {
        var c0 = SIMD8<Float>()
        var c1 = SIMD8<Float>()
        var c2 = SIMD8<Float>()
        var c3 = SIMD8<Float>()
        var c4 = SIMD8<Float>()
        var c5 = SIMD8<Float>()
        let o0 = offsets[0]
        let o1 = offsets[1]
        let o2 = offsets[2]
        let o3 = offsets[3]
        let o4 = offsets[4]
        let o5 = offsets[5]
        var ap = a
        var bp = b
        for _ in 0..<k {
            let b0 = bp.loadUnaligned(as: SIMD8<Float>.self)
            c0.addProduct(SIMD8<Float>(repeating: ap[o0]), b0)
            c1.addProduct(SIMD8<Float>(repeating: ap[o1]), b0)
            c2.addProduct(SIMD8<Float>(repeating: ap[o2]), b0)
            c3.addProduct(SIMD8<Float>(repeating: ap[o3]), b0)
            c4.addProduct(SIMD8<Float>(repeating: ap[o4]), b0)
            c5.addProduct(SIMD8<Float>(repeating: ap[o5]), b0)
            ap += indexStride
            bp += bStride
        }
        withUnsafeTemporaryAllocation(of: SIMD8<Float>.self, capacity: tileRows) { tile in
            tile[0] = c0
            tile[1] = c1
            tile[2] = c2
            tile[3] = c3
            tile[4] = c4
            tile[5] = c5
            let values = UnsafeRawPointer(tile.baseAddress!).assumingMemoryBound(to: Float.self)
            for row in 0..<rows { (c + row * ldc).update(from: values + row * 8, count: columns) }
        }
    }

    @inline(__always)
    private static func store(_ low: SIMD8<Float>, _ high: SIMD8<Float>, to pointer: UnsafeMutablePointer<Float>) {
        let raw = UnsafeMutableRawPointer(pointer)
        raw.storeBytes(of: low, as: SIMD8<Float>.self)
        raw.storeBytes(of: high, toByteOffset: 32, as: SIMD8<Float>.self)
    }
}
