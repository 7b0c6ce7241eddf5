import Foundation

/// An open file or folder, with the few system calls durable writing needs. Every failure
/// becomes a `FileSystemError` that names the path and errno.
struct FileDescriptor {
    let raw: Int32
    let path: String

    /// Creates `path`, which must not exist yet, for writing.
    static func createNew(_ path: String) throws(FileSystemError) -> FileDescriptor {
        let raw = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard raw >= 0 else { throw .lastError("create", path) }
        return FileDescriptor(raw: raw, path: path)
    }

    /// Opens a folder for fsync and locking.
    static func openFolder(_ path: String) throws(FileSystemError) -> FileDescriptor {
        let raw = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard raw >= 0 else { throw .lastError("open the folder", path) }
        return FileDescriptor(raw: raw, path: path)
    }

    /// Writes every byte (short writes continue, EINTR retries). A full disk (ENOSPC), an I/O
    /// error (EIO) or a file-size limit (EFBIG; SIGXFSZ must be ignored) is an error.
    func writeAll(_ data: Data) throws(FileSystemError) {
        let failure: FileSystemError? = data.withUnsafeBytes { buffer -> FileSystemError? in
            var offset = 0
            while offset < buffer.count {
                let written = write(raw, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return .lastError("write", path)
                }
                offset += written
            }
            return nil
        }
        if let failure { throw failure }
    }

    /// Flushes the file's data and metadata (or a folder's entries) to the disk.
    func sync() throws(FileSystemError) {
        while fsync(raw) != 0 {
            if errno == EINTR { continue }
            throw .lastError("fsync", path)
        }
    }

    /// Closes; a failing close (delayed write errors on some file systems) is an error.
    func close() throws(FileSystemError) {
        if Foundation.close(raw) != 0 && errno != EINTR { throw .lastError("close", path) }
    }

    /// Closes, ignoring errors: after a failure (the first error is the one to report) or for a
    /// descriptor only read or locked.
    func closeIgnoringErrors() { _ = Foundation.close(raw) }
}
