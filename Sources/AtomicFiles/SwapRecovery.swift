import Foundation

/// Finds the hidden staging and retired copies that an interrupted replacement left beside
/// its target, and puts things right: a target that is missing gets its retired (old, complete)
/// version back; every other leftover is removed. Both the old and the new version are
/// complete, so whichever is in place afterwards is a good one.
public enum SwapRecovery {
    /// What recovery did to one leftover.
    public struct Action: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: Sendable, Equatable {
            /// The target was missing: the leftover (its previous version) was renamed back.
            case restored
            /// The target was in place: the leftover was removed.
            case removed
        }

        public let kind: Kind
        /// The leftover's path.
        public let leftover: String
        /// The path it belonged to.
        public let target: String

        public var description: String {
            switch kind {
            case .restored: "restored \(target) from \(leftover), left by an interrupted write"
            case .removed: "removed \(leftover), left by an interrupted write of \(target)"
            }
        }
    }

    /// Recovers every leftover in `folder`, or only those of `target` (a name in it). With
    /// `onlyAbandoned`, leftovers whose process is still running are left alone (use that when
    /// writers are not serialized by a `DirectoryLock`).
    @discardableResult
    public static func recover(in folder: URL, target: String? = nil, onlyAbandoned: Bool = false)
        throws(FileSystemError) -> [Action]
    {
        let names = try Folder.names(in: folder)
        var leftovers: [String: [(name: String, sibling: SiblingName)]] = [:]
        for name in names {
            guard let sibling = SiblingName(parsing: name), target == nil || sibling.target == target else { continue }
            if onlyAbandoned && !sibling.ownerIsGone { continue }
            leftovers[sibling.target, default: []].append((name, sibling))
        }
        var actions: [Action] = []
        for (name, entries) in leftovers.sorted(by: { $0.key < $1.key }) {
            let targetURL = folder.appendingPathComponent(name)
            var remaining = entries
            if try FileKind.of(targetURL.path) == .absent {
                // The newest retired copy is the version that was in place last.
                let retired = entries.filter { $0.sibling.role == .retired }.max { lhs, rhs in
                    modificationTime(folder.appendingPathComponent(lhs.name))
                        < modificationTime(folder.appendingPathComponent(rhs.name))
                }
                if let retired {
                    try PathSwap.rename(folder.appendingPathComponent(retired.name), to: targetURL)
                    actions.append(Action(kind: .restored, leftover: retired.name, target: targetURL.path))
                    remaining.removeAll { $0.name == retired.name }
                }
            }
            for entry in remaining {
                try Folder.remove(folder.appendingPathComponent(entry.name))
                actions.append(
                    Action(
                        kind: .removed, leftover: folder.appendingPathComponent(entry.name).path,
                        target: targetURL.path))
            }
        }
        if !actions.isEmpty { try Folder.sync(folder) }
        return actions
    }

    private static func modificationTime(_ url: URL) -> Double {
        var status = stat()
        guard lstat(url.path, &status) == 0 else { return 0 }
        return Double(status.st_ctim.tv_sec) + Double(status.st_ctim.tv_nsec) * 1e-9
    }
}
