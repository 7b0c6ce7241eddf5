import Foundation
import Synchronization

/// How many threads numeric kernels may use. Results never depend on it: kernels split work
/// only over independent outputs, each computed in a fixed order by one thread.
public enum ComputeThreads {
    private static let storage = Atomic<Int>(0)

    /// INITLAB_THREADS, else the number of active cores; read once.
    private static let defaultCount: Int = {
        if let text = ProcessInfo.processInfo.environment["INITLAB_THREADS"], let parsed = Int(text), parsed > 0 {
            return parsed
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// The configured count; by default INITLAB_THREADS or the number of active cores.
    public static var count: Int {
        let value = storage.load(ordering: .relaxed)
        return value > 0 ? value : defaultCount
    }

    /// Sets the count for the rest of the process (the CLI's --threads).
    public static func set(_ value: Int) {
        storage.store(max(1, value), ordering: .relaxed)
    }
}
