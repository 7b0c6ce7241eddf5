import Foundation

/// A data set that cannot be read: missing, unreadable, truncated, corrupt, or not what its format
/// says. The message is one line: for a file, "cannot <operation> <file>: <cause>", with what was
/// expected and what was found, and how to get the data when it is missing.
public struct DatasetError: Error, Sendable, CustomStringConvertible {
    /// What was being done to the file.
    public enum Operation: String, Sendable {
        /// Finding and opening it (missing, permission denied, not a regular file, too large).
        case open
        /// Reading its bytes from disk.
        case read
        /// Inflating its gzip stream.
        case inflate
        /// Parsing its format (IDX header and data, CSV rows).
        case parse
    }

    public let description: String
    /// The file the error is about, when it is about one.
    public let file: String?
    public let operation: Operation?

    public init(_ description: String, file: String? = nil) {
        self.description = description
        self.file = file
        self.operation = nil
    }

    /// "cannot <operation> <file>: <cause>".
    public init(_ operation: Operation, _ file: String, _ cause: String) {
        self.description = "cannot \(operation.rawValue) \(file): \(cause)"
        self.file = file
        self.operation = operation
    }

    /// A failed system call: the cause is the system's text for `code` and its symbolic name
    /// ("permission denied (EACCES)"); ENOENT is "no such file", followed by `missing` (how to get it).
    static func system(_ operation: Operation, _ file: String, errno code: Int32, missing: String? = nil)
        -> DatasetError
    {
        if code == ENOENT { return DatasetError(operation, file, "no such file" + (missing.map { " (\($0))" } ?? "")) }
        let text = String(cString: strerror(code))
        let cause = text.prefix(1).lowercased() + text.dropFirst()
        return DatasetError(operation, file, "\(cause) (\(errnoNames[code] ?? "errno \(code)"))")
    }

    private static let errnoNames: [Int32: String] = [
        EPERM: "EPERM", EACCES: "EACCES", ENOTDIR: "ENOTDIR", EISDIR: "EISDIR", ELOOP: "ELOOP",
        ENAMETOOLONG: "ENAMETOOLONG", EIO: "EIO", ENXIO: "ENXIO", ENODEV: "ENODEV", ENOMEM: "ENOMEM",
        EMFILE: "EMFILE", ENFILE: "ENFILE", EOVERFLOW: "EOVERFLOW", EINVAL: "EINVAL", EFAULT: "EFAULT",
        EBADF: "EBADF", EAGAIN: "EAGAIN", ETXTBSY: "ETXTBSY", ESTALE: "ESTALE", ENOSPC: "ENOSPC",
    ]
}
