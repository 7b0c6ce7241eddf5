import Foundation

/// What a path names, without following a symbolic link at the end (lstat).
enum FileKind: Equatable {
    case absent
    case regular
    case directory
    case symbolicLink
    /// A device, FIFO or socket, by name.
    case special(String)

    static func of(_ path: String) throws(FileSystemError) -> FileKind {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT { return .absent }
            throw .lastError("inspect", path)
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        case S_IFCHR: return .special("character device")
        case S_IFBLK: return .special("block device")
        case S_IFIFO: return .special("FIFO")
        case S_IFSOCK: return .special("socket")
        default: return .special("special file")
        }
    }

    /// Why this cannot be replaced by a file or folder of kind `wanted`, or nil when it can.
    func refusal(replacingWith wanted: FileKind) -> String? {
        switch self {
        case .absent: return nil
        case wanted: return nil
        case .regular: return "it is a regular file, not a folder"
        case .directory: return "it is a folder, not a regular file"
        case .symbolicLink:
            return "it is a symbolic link; only a \(wanted == .directory ? "folder" : "regular file") is replaced"
        case .special(let name):
            return "it is a \(name), not a \(wanted == .directory ? "folder" : "regular file"); refusing to replace it"
        }
    }
}
