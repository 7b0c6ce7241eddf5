import Foundation

/// Folder operations with errno-named errors: create (with parents), fsync, remove.
public enum Folder {
    /// Creates `url` and any missing parents; an existing folder is fine, anything else in the
    /// way (a regular file, a device) is an error naming it. New folders are made durable.
    public static func create(_ url: URL) throws(FileSystemError) {
        let path = url.standardizedFileURL.path
        switch try FileKind.of(path) {
        case .directory: return
        case .absent: break
        case .symbolicLink:
            // A link to a folder is a folder for creating things inside it.
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return }
            throw FileSystemError(
                operation: "create the folder", path: path, refusal: "a dangling symbolic link is in the way")
        case let kind:
            throw FileSystemError(
                operation: "create the folder", path: path,
                refusal: kind.refusal(replacingWith: .directory) ?? "something is in the way")
        }
        let parent = url.standardizedFileURL.deletingLastPathComponent()
        if parent.path != path { try create(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw .lastError("create the folder", path) }
        try sync(parent)
    }

    /// Flushes the folder's entries (new, renamed and removed names) to the disk.
    public static func sync(_ url: URL) throws(FileSystemError) {
        let folder = try FileDescriptor.openFolder(url.path)
        do {
            try folder.sync()
        } catch {
            folder.closeIgnoringErrors()
            throw error
        }
        try folder.close()
    }

    /// Removes a file or a folder tree; nothing happens when it is absent.
    public static func remove(_ url: URL) throws(FileSystemError) {
        let path = url.path
        switch try FileKind.of(path) {
        case .absent: return
        case .directory:
            for name in try names(in: url) { try remove(url.appendingPathComponent(name)) }
            if rmdir(path) != 0 && errno != ENOENT { throw .lastError("remove the folder", path) }
        default:
            if unlink(path) != 0 && errno != ENOENT { throw .lastError("remove", path) }
        }
    }

    /// The names in a folder (hidden ones included), or an error naming it.
    static func names(in url: URL) throws(FileSystemError) -> [String] {
        guard let directory = opendir(url.path) else { throw .lastError("list", url.path) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
