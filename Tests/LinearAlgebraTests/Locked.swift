import Foundation

/// A value behind a pthread mutex (NSLock). The tests use it rather than `Mutex`, whose lock
/// lives in the uninstrumented Synchronization library, so that ThreadSanitizer sees the
/// ordering it provides and reports only real races.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
