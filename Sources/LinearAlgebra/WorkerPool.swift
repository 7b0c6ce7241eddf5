import Foundation
import Synchronization

/// Persistent worker threads for `ParallelLoop`: a training step issues a dozen small parallel
/// products, so waking threads through the kernel for each would cost more than the work. Idle
/// workers spin briefly on an atomic generation counter, then sleep on a condition variable.
///
/// One run at a time (the caller holds `runLock`); the calling thread takes part in every run.
///
/// Why it is race-free (ThreadSanitizer checks it in `make test`):
/// - Each run's state is an immutable `Run` (count and body) with its own index counter, so a
///   worker late from one run can never take an index of, or read the body of, the next one.
/// - The caller publishes the run with a sequentially consistent store of `current`, after
///   initializing it; a worker reads the run only through that pointer, loaded after it has
///   registered in `busy` (both sequentially consistent): either the caller's later withdrawal
///   (`current = nil`) precedes the worker's load, and the worker sees nil, or the worker's
///   registration precedes the caller's check of `busy`, and the caller waits for it to leave.
/// - A worker leaves (decrements `busy`, releasing) only after its last body call, and the
///   caller retires the run only after it has withdrawn it and seen `busy` at 0 (acquiring), so
///   every body call happens before `run` returns and no worker touches a retired run.
final class WorkerPool: @unchecked Sendable {
    static let shared = WorkerPool()

    /// The state of one run; nothing in it changes but the index counter.
    private final class Run: @unchecked Sendable {
        let count: Int
        let body: (Int) -> Void
        let next = Atomic<Int>(0)

        init(count: Int, body: @escaping (Int) -> Void) {
            self.count = count
            self.body = body
        }

        /// Takes indices until none are left.
        func work() {
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                body(index)
            }
        }
    }

    /// Bumped after each run is published; idle workers watch it.
    private let generation = Atomic<Int>(0)
    /// The run in progress, or nil.
    private let current = Atomic<UnsafeRawPointer?>(nil)
    /// Workers that may be reading `current`'s run.
    private let busy = Atomic<Int>(0)
    private let sleepers = Atomic<Int>(0)
    /// Started worker threads; only the caller holding `runLock` touches it.
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
            let run = Run(count: count, body: body)
            let pointer = UnsafeRawPointer(Unmanaged.passUnretained(run).toOpaque())
            current.store(pointer, ordering: .sequentiallyConsistent)
            generation.wrappingAdd(1, ordering: .sequentiallyConsistent)
            if sleepers.load(ordering: .sequentiallyConsistent) > 0 {
                condition.lock()
                condition.broadcast()
                condition.unlock()
            }
            run.work()
            // Every index is taken: withdraw the run, then wait for the workers still in it.
            current.store(nil, ordering: .sequentiallyConsistent)
            while busy.load(ordering: .sequentiallyConsistent) > 0 { spinPause() }
            withExtendedLifetime(run) {}
        }
    }

    private func startWorkers(upTo helpers: Int) {
        while workers < helpers {
            workers += 1
            // The worker must see this run's generation bump, which has not happened yet.
            let current = generation.load(ordering: .relaxed)
            let thread = Thread { [self] in loop(seen: current) }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    private func loop(seen start: Int) {
        var seen = start
        while true {
            var spins = 0
            while generation.load(ordering: .relaxed) == seen {
                spins += 1
                if spins < 20_000 {
                    spinPause()
                    continue
                }
                condition.lock()
                sleepers.wrappingAdd(1, ordering: .sequentiallyConsistent)
                while generation.load(ordering: .sequentiallyConsistent) == seen { condition.wait() }
                sleepers.wrappingSubtract(1, ordering: .sequentiallyConsistent)
                condition.unlock()
            }
            seen = generation.load(ordering: .relaxed)
            help()
        }
    }

    /// Works on the published run, if one is still in progress.
    private func help() {
        busy.wrappingAdd(1, ordering: .sequentiallyConsistent)
        if let pointer = current.load(ordering: .sequentiallyConsistent) {
            Unmanaged<Run>.fromOpaque(pointer)._withUnsafeGuaranteedRef { $0.work() }
        }
        busy.wrappingSubtract(1, ordering: .sequentiallyConsistent)
    }

    @inline(__always)
    private func spinPause() {}
}
