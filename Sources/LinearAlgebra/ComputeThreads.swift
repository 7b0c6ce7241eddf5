import Foundation
import Synchronization

/// How many threads numeric kernels may use. Results never depend on it: kernels split work
/// only over independent outputs, each computed in a fixed order by one thread.
public enum ComputeThreads {
    private static let storage = Atomic<Int>(0)

    /// The configured count; by default INITLAB_THREADS or the number of active cores.
    public static var count: Int {
        let value = storage.load(ordering: .relaxed)
        if value > 0 { return value }
        if let text = ProcessInfo.processInfo.environment["INITLAB_THREADS"], let parsed = Int(text), parsed > 0 { return parsed }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Sets the count for the rest of the process (the CLI's --threads).
    public static func set(_ value: Int) {
        storage.store(max(1, value), ordering: .relaxed)
    }
}
