import Foundation

/// Writes the new version of a file or folder under a hidden name beside its target, every
/// byte flushed to the disk (files, then the folders that name them), ready to be swapped in.
/// On failure nothing is left behind.
public enum Staging {
    /// A staged folder holding `files` (path relative to the folder -> bytes).
    public static func folder(for target: URL, files: [String: Data]) throws(FileSystemError) -> URL {
        let staged = sibling(of: target)
        do throws(FileSystemError) {
            try makeFolder(staged)
            var folders: [String] = [staged.path]
            let sorted = files.sorted { $0.key < $1.key }
            for (path, data) in sorted {
                let components = path.split(separator: "/").map(String.init)
                guard !components.isEmpty, !components.contains(".."), !components.contains(".") else {
                    throw FileSystemError(
                        operation: "write", path: staged.appendingPathComponent(path).path,
                        refusal: "the relative path must stay inside the folder")
                }
                var folder = staged.path
                for component in components.dropLast() {
                    folder += "/" + component
                    if !folders.contains(folder) {
                        try makeFolder(URL(fileURLWithPath: folder))
                        folders.append(folder)
                    }
                }
                try writeNewFile(data, at: URL(fileURLWithPath: staged.path + "/" + path))
            }
            // Deepest first, so each folder's entry is durable before its parent's.
            let deepestFirst = folders.sorted { $0.count > $1.count }
            for folder in deepestFirst { try Folder.sync(URL(fileURLWithPath: folder)) }
        } catch {
            try? Folder.remove(staged)
            throw error
        }
        return staged
    }

    /// A staged file with `data`.
    public static func file(for target: URL, data: Data) throws(FileSystemError) -> URL {
        let staged = sibling(of: target)
        do {
            try writeNewFile(data, at: staged)
        } catch {
            try? Folder.remove(staged)
            throw error
        }
        return staged
    }

    static func sibling(of target: URL) -> URL {
        target.deletingLastPathComponent().appendingPathComponent(
            SiblingName.fresh(for: target.lastPathComponent, role: .staging).text)
    }

    private static func makeFolder(_ url: URL) throws(FileSystemError) {
        if mkdir(url.path, 0o755) != 0 { throw .lastError("create the folder", url.path) }
    }

    /// Creates, writes, fsyncs and closes a file that must not exist yet.
    static func writeNewFile(_ data: Data, at url: URL) throws(FileSystemError) {
        let file = try FileDescriptor.createNew(url.path)
        do {
            try file.writeAll(data)
            try file.sync()
        } catch {
            file.closeIgnoringErrors()
            throw error
        }
        try file.close()
    }
}
