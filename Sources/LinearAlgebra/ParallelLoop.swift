/// Runs `body(index)` for every index in 0..<count on up to `ComputeThreads.count` threads.
///
/// Indices are handed out dynamically, so which thread runs an index varies from run to run;
/// callers must make each index write disjoint outputs computed in a fixed order, and then the
/// result cannot depend on scheduling or thread count.
public enum ParallelLoop {
    public static func run(_ count: Int, threads: Int = ComputeThreads.count, _ body: (Int) -> Void) {
        let workers = min(threads, count)
        guard workers > 1 else {
            for index in 0..<count { body(index) }
            return
        }
        WorkerPool.shared.run(count, helpers: workers - 1, body)
    }
}

/// Carries a value across a concurrency boundary that the caller has made safe by construction
/// (disjoint writes, joined before use).
public struct UncheckedSendable<Value>: @unchecked Sendable {
    public let value: Value
    public init(_ value: Value) { self.value = value }
}
