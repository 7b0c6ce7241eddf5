import Foundation

/// The compute thread count: --threads, else INITLAB_THREADS, else the number of cores.
enum Threads {
    static func configure(_ requested: Int?) -> Int {
        if let requested { return requested }
        if let value = ProcessInfo.processInfo.environment["INITLAB_THREADS"], let count = Int(value), count > 0 { return count }
        return ProcessInfo.processInfo.activeProcessorCount
    }
}
