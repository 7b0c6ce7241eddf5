import Foundation

/// An advisory lock on a folder (flock(2) on the folder itself, so no lock file is left behind),
/// held while a body runs. Writers that replace entries of the folder take it exclusively, so
/// a leftover found under the lock belongs to a process that died; readers take it shared, so
/// they never see a replacement half done. The kernel releases it when a process dies.
public enum DirectoryLock {
    public static func withLock<T>(on folder: URL, exclusive: Bool, _ body: () throws -> T) throws -> T {
        let descriptor = try FileDescriptor.openFolder(folder.path)
        defer { descriptor.closeIgnoringErrors() }
        while flock(descriptor.raw, exclusive ? LOCK_EX : LOCK_SH) != 0 {
            if errno == EINTR { continue }
            throw FileSystemError.lastError("lock", folder.path)
        }
        return try body()
    }
}
