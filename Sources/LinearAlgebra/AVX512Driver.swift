import CGEMMKernel

/// The AVX-512 path of `GEMM`: blocking and threads around the C micro-kernel.
///
/// C is cut into 8-row panels and strips of up to 48 columns (three 16-float vectors; the strips
/// are balanced so that none is narrower than needed, e.g. 100 = 48 + 32 + 20). k is cut into
/// blocks; for each block and strip, op(B) is packed into a strip that stays in L1 while the
/// kernel sweeps the task's panels. A is read in place, or, when transposed or its row stride is
/// a multiple of 512 bytes, packed per k block into 8-row panels first. A k block continues each
/// element's FMA chain from the Float stored in C, so blocking cannot change a bit. B rows far
/// apart are prefetched while packing (the hardware prefetchers stop at page boundaries).
///
/// Threads get tasks of whole column groups (and, when there are too few strips, row groups):
/// each element is still computed by one thread in k order, never split along k.
enum AVX512Driver {
    static let tileRows = Int(INITLAB_GEMM_MR)
    static let vectorsPerStrip = Int(INITLAB_GEMM_MAX_VECTORS)
    /// Inner-dimension block: a packed strip of 256 x 48 floats is 48 KiB.
    static let kBlock = 256
    /// Multiply-adds a product must give each thread before a second thread pays off.
    static let minimumWorkPerThread = 1 << 18

    static func multiply(
        m: Int, n: Int, k: Int, a: GEMM.Operand, b: GEMM.Operand, c: UnsafeMutablePointer<Float>, ldc: Int,
        workspace: GEMMWorkspace, threads: Int, hasEpilogue: Bool, epilogue: (Int, UnsafeMutablePointer<Float>) -> Void
    ) {
        guard k > 0 else {
            for row in 0..<m {
                (c + row * ldc).update(repeating: 0, count: n)
                if hasEpilogue { epilogue(row, c + row * ldc) }
            }
            return
        }
        let vectors = (n + 15) / 16
        let strips = (vectors + vectorsPerStrip - 1) / vectorsPerStrip
        let panels = (m + tileRows - 1) / tileRows
        let workers = max(1, min(threads, m * n * k / minimumWorkPerThread))
        // Constants, not variables: a local function capturing a variable boxes it on the heap.
        let columnGroups = workers > 1 ? min(strips, 4 * workers) : 1
        let rowGroups =
            workers > 1 && columnGroups < 2 * workers
            ? min(panels, (2 * workers + columnGroups - 1) / columnGroups) : 1
        let tasks = columnGroups * rowGroups
        let kc = min(k, kBlock)
        let stripFloats = kc * 16 * vectorsPerStrip
        // A is packed per k block (8-row panels, k-major) when reading it in place would be slow:
        // a transposed A gives each panel one cache line per k step, and rows whose stride is a
        // multiple of 512 bytes collide in the caches' sets (a batch of 1024 or 4096 features).
        // Otherwise (e.g. 784 features) the kernel reads A in place and saves the copy.
        let packA = a.transposed || (a.leadingDimension >= 512 && a.leadingDimension % 128 == 0)
        let panelFloats = tileRows * kc
        let buffer = workspace.buffer(floats: tasks * stripFloats + (packA ? panels * panelFloats : 0))
        let packedA = buffer + tasks * stripFloats
        let (rowStride, indexStride) = a.transposed ? (1, a.leadingDimension) : (a.leadingDimension, 1)
        let wholeRows = columnGroups == 1
        // Offsets of the 8 rows of a panel of A: full panels, then the last panel, whose rows past
        // m repeat its first row. On the stack, and the tasks below are local functions rather
        // than closure values, so that a product allocates nothing (a training step relies on it).
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * tileRows) { offsetBuffer in
            let offsets = offsetBuffer.baseAddress!
            let lastRows = m - (panels - 1) * tileRows
            for row in 0..<tileRows {
                offsets[row] = row * rowStride
                offsets[tileRows + row] = (row < lastRows ? row : 0) * rowStride
            }
            var k0 = 0
            while k0 < k {
                let depth = min(kc, k - k0)
                let block = k0
                func pack(_ panel: Int) {
                    let row0 = panel * tileRows
                    initlab_sgemm_avx512_pack_a(
                        a.base, a.leadingDimension, a.transposed ? 1 : 0, row0, Int32(min(tileRows, m - row0)), block,
                        depth, packedA + panel * panelFloats)
                }
                if packA {
                    if workers == 1 {
                        for panel in 0..<panels { pack(panel) }
                    } else {
                        ParallelLoop.run(panels, threads: workers, pack)
                    }
                }
                let lastBlock = k0 + depth == k
                func task(_ task: Int) {
                    let columnGroup = task % columnGroups
                    let rowGroup = task / columnGroups
                    let firstStrip = columnGroup * strips / columnGroups
                    let endStrip = (columnGroup + 1) * strips / columnGroups
                    let firstPanel = rowGroup * panels / rowGroups
                    let endPanel = (rowGroup + 1) * panels / rowGroups
                    let strip = buffer + task * stripFloats
                    for index in firstStrip..<endStrip {
                        let (column0, stripVectors) = Self.strip(index, of: strips, vectors: vectors)
                        let width = min(16 * stripVectors, n - column0)
                        let stride = 16 * stripVectors
                        initlab_sgemm_avx512_pack_b(
                            b.base, b.leadingDimension, b.transposed ? 1 : 0, block, depth, column0, width, stride,
                            strip)
                        for panel in firstPanel..<endPanel {
                            let row0 = panel * tileRows
                            let rows = min(tileRows, m - row0)
                            if packA {
                                initlab_sgemm_avx512_kernel(
                                    depth, packedA + panel * panelFloats, nil, tileRows, strip, stride,
                                    c + row0 * ldc + column0, ldc, Int32(rows), Int32(width), block > 0 ? 1 : 0)
                            } else {
                                initlab_sgemm_avx512_kernel(
                                    depth, a.base + row0 * rowStride + block * indexStride,
                                    rows == tileRows ? offsets : offsets + tileRows, indexStride, strip, stride,
                                    c + row0 * ldc + column0, ldc, Int32(rows), Int32(width), block > 0 ? 1 : 0)
                            }
                        }
                    }
                    if lastBlock && wholeRows && hasEpilogue {
                        for row in (firstPanel * tileRows)..<min(m, endPanel * tileRows) {
                            epilogue(row, c + row * ldc)
                        }
                    }
                }
                if tasks == 1 {
                    task(0)
                } else {
                    ParallelLoop.run(tasks, threads: workers, task)
                }
                k0 += depth
            }
        }
        if !wholeRows && hasEpilogue {
            ParallelLoop.run(panels, threads: workers) { panel in
                for row in (panel * tileRows)..<min(m, (panel + 1) * tileRows) { epilogue(row, c + row * ldc) }
            }
        }
    }

    /// First column and vector count of strip `index`: the vectors are spread evenly, at most
    /// `vectorsPerStrip` per strip, the wider strips first.
    @inline(__always)
    static func strip(_ index: Int, of strips: Int, vectors: Int) -> (column: Int, vectors: Int) {
        let base = vectors / strips
        let extra = vectors % strips
        let first = index * base + min(index, extra)
        return (16 * first, base + (index < extra ? 1 : 0))
    }
}
