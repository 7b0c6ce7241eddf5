import Foundation

/// A failed file-system operation, phrased for a one-line message: the operation, the path and
/// the cause (the system's errno text, or why InitLab refused).
///
/// `cannot fsync Reports/.small.staging-12-1/results.json: No space left on device`
public struct FileSystemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was attempted: "write", "fsync", "rename", "create the folder", ...
    public let operation: String
    /// The file or folder it was attempted on.
    public let path: String
    /// The errno value, or 0 when InitLab refused on its own (see `refusal`).
    public let code: Int32
    /// Why InitLab refused, when it was not the system.
    public let refusal: String?
    /// A second failure that happened while undoing the first, if any.
    public var rollbackFailure: String?

    public init(operation: String, path: String, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
        self.refusal = nil
    }

    public init(operation: String, path: String, refusal: String) {
        self.operation = operation
        self.path = path
        self.code = 0
        self.refusal = refusal
    }

    /// The error for the system call that just failed, from the thread's errno.
    static func lastError(_ operation: String, _ path: String) -> FileSystemError {
        FileSystemError(operation: operation, path: path, code: errno)
    }

    /// The cause: errno's text, or the refusal.
    public var cause: String { refusal ?? String(cString: strerror(code)) }

    public var description: String {
        "cannot \(operation) \(path): \(cause)" + (rollbackFailure.map { "; undoing it also failed: \($0)" } ?? "")
    }
}
