import Foundation

/// Replaces one file so that readers see the old bytes or the new ones, never a mix, and a
/// crash or a full disk leaves the old file: the new bytes are written beside it and fsynced,
/// swapped in by rename, and the folder is fsynced; a failure at any step keeps the old file.
/// Only a regular file (or nothing) is replaced: a device, FIFO, socket, folder or symbolic
/// link at the path is an error, never overwritten.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws(FileSystemError) {
        let target = url.standardizedFileURL
        if let refusal = try FileKind.of(target.path).refusal(replacingWith: .regular) {
            throw FileSystemError(operation: "write", path: target.path, refusal: refusal)
        }
        let folder = target.deletingLastPathComponent()
        try Folder.create(folder)
        try SwapRecovery.recover(in: folder, target: target.lastPathComponent, onlyAbandoned: true)
        let staged = try Staging.file(for: target, data: data)
        try AtomicReplacement.replace([AtomicReplacement.Item(staged: staged, target: target)], in: folder)
    }
}
