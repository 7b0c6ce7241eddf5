/// A reusable packing buffer for `GEMM`, so a training step allocates nothing.
/// One workspace serves one GEMM call at a time.
public final class GEMMWorkspace: @unchecked Sendable {
    private var storage: UnsafeMutablePointer<Float>
    private var capacity: Int

    public init() {
        capacity = 16
        storage = Self.allocate(capacity)
    }

    deinit { storage.deallocate() }

    /// At least `floats` floats, 64-byte aligned; grows (and forgets its contents) when needed.
    func buffer(floats: Int) -> UnsafeMutablePointer<Float> {
        if floats > capacity {
            storage.deallocate()
            capacity = floats
            storage = Self.allocate(floats)
        }
        return storage
    }

    private static func allocate(_ floats: Int) -> UnsafeMutablePointer<Float> {
        UnsafeMutableRawPointer.allocate(byteCount: floats * MemoryLayout<Float>.stride, alignment: 64)
            .bindMemory(to: Float.self, capacity: floats)
    }
}
