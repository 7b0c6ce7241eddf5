import Synchronization

/// Reusable packing buffers for `GEMM`, so a training step allocates nothing.
/// One workspace serves one GEMM call at a time.
public final class GEMMWorkspace: @unchecked Sendable {
    private(set) var packedB: UnsafeMutablePointer<Float>
    private var packedBCapacity: Int
    private var packedAs: [UnsafeMutablePointer<Float>] = []
    private var packedACapacity = 0
    let slotCounter = SlotCounter()

    public init() {
        packedBCapacity = 1
        packedB = .allocate(capacity: 1)
    }

    deinit {
        packedB.deallocate()
        for buffer in packedAs { buffer.deallocate() }
    }

    /// Grows the buffers to fit a product with inner dimension `k`, `strips` column strips and
    /// `threads` concurrent packers; a no-op once they are large enough.
    func reserve(k: Int, strips: Int, threads: Int) {
        let needB = max(1, k * strips * GEMM.tileColumns)
        if needB > packedBCapacity {
            packedB.deallocate()
            packedB = .allocate(capacity: needB)
            packedBCapacity = needB
        }
        let needA = max(1, k * GEMM.tileRows)
        if needA > packedACapacity {
            for buffer in packedAs { buffer.deallocate() }
            packedAs = []
            packedACapacity = needA
        }
        while packedAs.count < threads { packedAs.append(.allocate(capacity: packedACapacity)) }
        slotCounter.configure(slots: packedAs.count)
    }

    func packedA(slot: Int) -> UnsafeMutablePointer<Float> { packedAs[slot] }
}

/// Hands each concurrently running task its own packing buffer.
final class SlotCounter: @unchecked Sendable {
    private let free = Mutex<[Int]>([])

    func configure(slots: Int) { free.withLock { $0 = Array((0..<slots).reversed()) } }

    func acquire() -> Int { free.withLock { $0.removeLast() } }

    func release(_ slot: Int) { free.withLock { $0.append(slot) } }
}
