import Foundation
import Synchronization

/// Persistent worker threads for `ParallelLoop`: a training step issues a dozen small parallel
/// products, so waking threads through the kernel for each would cost more than the work. Idle
/// workers spin briefly on an atomic generation counter, then sleep on a condition variable.
///
/// One run at a time (the caller holds `runLock`); the calling thread takes part in every run.
final class WorkerPool: @unchecked Sendable {
    static let shared = WorkerPool()

    private let generation = Atomic<Int>(0)
    private let next = Atomic<Int>(0)
    private let finished = Atomic<Int>(0)
    private let sleepers = Atomic<Int>(0)
    /// Written by the caller before `next` is released, read by workers after acquiring an index.
    private var count = 0
    private var body: ((Int) -> Void)?
    private var workers = 0
    private let condition = NSCondition()
    private let runLock = NSLock()

    /// Runs `body` for 0..<count on the caller plus up to `helpers` workers.
    /// A run started while another is in progress (a parallel product inside a parallel loop)
    /// runs on the calling thread alone: waiting for the pool there would deadlock, and the
    /// results do not depend on how many threads compute them.
    func run(_ count: Int, helpers: Int, _ body: (Int) -> Void) {
        guard runLock.try() else {
            for index in 0..<count { body(index) }
            return
        }
        defer { runLock.unlock() }
        startWorkers(upTo: helpers)
        withoutActuallyEscaping(body) { body in
            self.body = body
            self.count = count
            finished.store(0, ordering: .relaxed)
            next.store(0, ordering: .releasing)
            generation.wrappingAdd(1, ordering: .releasing)
            if sleepers.load(ordering: .acquiring) > 0 {
                condition.lock()
                condition.broadcast()
                condition.unlock()
            }
            work()
            while finished.load(ordering: .acquiring) < count { spinPause() }
            self.body = nil
        }
    }

    /// Takes indices until none are left.
    private func work() {
        while true {
            let index = next.wrappingAdd(1, ordering: .acquiring).oldValue
            guard index < count else { return }
            invoke(index)
            finished.wrappingAdd(1, ordering: .releasing)
        }
    }

    /// Calls the body in a frame of its own, so that this thread's reference to the caller's
    /// non-escaping closure is gone before the index counts as finished.
    @inline(never)
    private func invoke(_ index: Int) {
        body?(index)
    }

    private func startWorkers(upTo helpers: Int) {
        while workers < helpers {
            workers += 1
            // The worker must see this run's generation bump, which has not happened yet.
            let current = generation.load(ordering: .acquiring)
            let thread = Thread { [self] in loop(seen: current) }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    private func loop(seen start: Int) {
        var seen = start
        while true {
            var spins = 0
            while generation.load(ordering: .acquiring) == seen {
                spins += 1
                if spins < 20_000 {
                    spinPause()
                    continue
                }
                condition.lock()
                sleepers.wrappingAdd(1, ordering: .releasing)
                while generation.load(ordering: .acquiring) == seen { condition.wait() }
                sleepers.wrappingSubtract(1, ordering: .releasing)
                condition.unlock()
            }
            seen = generation.load(ordering: .acquiring)
            work()
        }
    }

    @inline(__always)
    private func spinPause() {}
}
