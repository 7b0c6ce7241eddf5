import Foundation

/// A data file open for reading. Only regular files are opened: a device such as /dev/zero would
/// be read (and hashed) without end, opening a FIFO blocks until something writes to it, and a
/// folder fails only halfway; each is refused before a byte is read.
final class RegularFile {
    let path: String
    /// The size on disk when it was opened.
    let size: Int
    private let descriptor: Int32

    /// Opens `path`; `missing` says how to get the file when it does not exist. Every failure
    /// names the system's cause: a file that cannot be read is not called missing.
    init(path: String, missing: String? = nil) throws(DatasetError) {
        self.path = path
        var status = stat()
        guard stat(path, &status) == 0 else { throw .system(.open, path, errno: errno, missing: missing) }
        if let kind = Self.kind(status) { throw Self.notRegular(path, kind) }
        // O_NONBLOCK: should the path have been swapped for a FIFO since stat, open must not wait.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        guard descriptor >= 0 else { throw .system(.open, path, errno: errno, missing: missing) }
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw .system(.open, path, errno: code)
        }
        if let kind = Self.kind(status) {
            close(descriptor)
            throw Self.notRegular(path, kind)
        }
        guard status.st_size <= DataLimits.fileBytes else {
            close(descriptor)
            throw DatasetError(
                .open, path,
                "\(status.st_size) bytes is more than the \(DataLimits.fileBytes) bytes (1 GiB + 16 MiB) a data file may have"
            )
        }
        self.descriptor = descriptor
        self.size = Int(status.st_size)
    }

    deinit { close(descriptor) }

    /// Reads up to `buffer.count` bytes; 0 at the end of the file.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(DatasetError) -> Int {
        guard buffer.count > 0 else { return 0 }
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw .system(.read, path, errno: errno) }
        }
    }

    /// The whole file.
    func readAll() throws(DatasetError) -> Data {
        var data = Data()
        data.reserveCapacity(size)
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { chunk.deallocate() }
        while true {
            let count = try read(into: chunk)
            if count == 0 { return data }
            data.append(chunk.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count)
        }
    }

    /// What the file is when it is not a regular file ("a FIFO"), else nil.
    private static func kind(_ status: stat) -> String? {
        switch status.st_mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a directory"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        default: "of unknown type"
        }
    }

    private static func notRegular(_ path: String, _ kind: String) -> DatasetError {
        DatasetError(.open, path, "not a regular file (\(kind))")
    }
}
