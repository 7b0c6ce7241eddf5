import LinearAlgebra
import Synchronization
import Testing

@Suite struct ParallelLoopTests {
    /// A parallel loop inside a parallel loop (a parallel product run from a training session
    /// that itself runs on the pool) completes on the calling thread instead of deadlocking.
    @Test func nestedLoopsFinishAndVisitEveryIndexOnce() {
        let visits = Locked([Int](repeating: 0, count: 4 * 16))
        ParallelLoop.run(4, threads: 2) { outer in
            ParallelLoop.run(16, threads: 2) { inner in
                visits.withLock { $0[outer * 16 + inner] += 1 }
            }
        }
        #expect(visits.withLock { $0 } == [Int](repeating: 1, count: 64))
    }

    /// Many short runs back to back, each with its own count and body, as a training step issues
    /// them: a worker that is late from one run must neither run an index of the next run with
    /// the old body nor take one of its indices. Every run must visit each of its indices once,
    /// with its own body. (ThreadSanitizer, in `make test`, also checks the pool's memory order.)
    @Test func backToBackRunsVisitEachIndexOnceWithTheirOwnBody() {
        let runs = 10_000
        let counts = (0..<runs).map { 2 + ($0 * 7) % 5 }
        let offsets = counts.reduce(into: [0]) { $0.append($0.last! + $1) }
        // Plain (unsynchronized) counters, one per index of every run: each is written by one
        // body call only, unless the pool runs an index twice.
        let visits = UnsafeMutableBufferPointer<Int>.allocate(capacity: offsets.last!)
        visits.initialize(repeating: 0)
        defer { visits.deallocate() }
        let foreign = Atomic<Int>(0)
        for run in 0..<runs {
            let count = counts[run]
            let base = offsets[run]
            ParallelLoop.run(count, threads: 2) { index in
                guard index < count else {
                    foreign.wrappingAdd(1, ordering: .relaxed)
                    return
                }
                // A little work per index, so that the workers take part in most runs.
                var spin = 0
                for step in 0..<200 { spin &+= step &* index }
                visits[base + index] += 1 + (spin == -1 ? 1 : 0)
            }
        }
        #expect(foreign.load(ordering: .relaxed) == 0)
        let wrong = visits.indices.filter { visits[$0] != 1 }
        #expect(wrong.isEmpty, "\(wrong.count) of \(visits.count) indices not visited exactly once")
    }
}
