import Foundation

/// Puts staged entries in place of their targets, all in one folder, all or none: the
/// folder is fsynced after the swaps, and any failure (a rename, the fsync) swaps every one
/// back, so the old versions stay in place. Only then are the old versions removed.
public enum AtomicReplacement {
    /// One staged entry (from `Staging`) and the path it replaces.
    public struct Item: Sendable {
        public let staged: URL
        public let target: URL

        public init(staged: URL, target: URL) {
            self.staged = staged
            self.target = target
        }
    }

    public static func replace(_ items: [Item], in folder: URL) throws(FileSystemError) {
        var done: [PathSwap] = []
        do {
            for item in items { done.append(try PathSwap.perform(staged: item.staged, target: item.target)) }
            try Folder.sync(folder)
        } catch var error {
            var undoFailures: [String] = []
            for swap in done.reversed() {
                do {
                    try swap.rollback()
                } catch {
                    undoFailures.append(error.description)
                }
            }
            try? Folder.sync(folder)
            for item in items { try? Folder.remove(item.staged) }
            if !undoFailures.isEmpty { error.rollbackFailure = undoFailures.joined(separator: "; ") }
            throw error
        }
        for swap in done { swap.discardOld() }
    }
}
