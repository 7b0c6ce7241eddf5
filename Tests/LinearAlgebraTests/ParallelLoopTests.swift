import LinearAlgebra
import Synchronization
import Testing

@Suite struct ParallelLoopTests {
    /// A parallel loop inside a parallel loop (a parallel product run from a training session
    /// that itself runs on the pool) completes on the calling thread instead of deadlocking.
    @Test func nestedLoopsFinishAndVisitEveryIndexOnce() {
        let visits = Mutex([Int](repeating: 0, count: 4 * 16))
        ParallelLoop.run(4, threads: 2) { outer in
            ParallelLoop.run(16, threads: 2) { inner in
                visits.withLock { $0[outer * 16 + inner] += 1 }
            }
        }
        #expect(visits.withLock { $0 } == [Int](repeating: 1, count: 64))
    }
}
