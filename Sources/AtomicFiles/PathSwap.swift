import Foundation

/// One staged file or folder put in place of its target, undoable until it is committed.
///
/// On Linux `renameat2(RENAME_EXCHANGE)` swaps the two names in one step: at no instant is the
/// target missing, and the old version is left under the staged name until it is discarded.
/// File systems without it (EINVAL, ENOSYS, ENOTSUP) get two renames through a `retired` name;
/// a crash between them leaves the old version there, and `SwapRecovery` puts it back.
struct PathSwap {
    enum State {
        /// The target was absent; the staged entry was renamed onto it.
        case installed
        /// Exchanged: the old version now sits under the staged name.
        case exchanged
        /// Two renames: the old version sits under `retired`.
        case retired(URL)
    }

    let staged: URL
    let target: URL
    let state: State

    static func perform(staged: URL, target: URL) throws(FileSystemError) -> PathSwap {
        let kind = try FileKind.of(target.path)
        if let refusal = kind.refusal(replacingWith: try FileKind.of(staged.path)) {
            throw FileSystemError(operation: "replace", path: target.path, refusal: refusal)
        }
        if kind == .absent {
            try rename(staged, to: target)
            return PathSwap(staged: staged, target: target, state: .installed)
        }
        if try exchange(staged, target) { return PathSwap(staged: staged, target: target, state: .exchanged) }
        let retired = staged.deletingLastPathComponent().appendingPathComponent(
            (SiblingName(parsing: staged.lastPathComponent)?.with(role: .retired).text)
                ?? ".\(target.lastPathComponent).retired-\(getpid())-0")
        try rename(target, to: retired)
        do {
            try rename(staged, to: target)
        } catch var failure {
            do {
                try rename(retired, to: target)
            } catch {
                failure.rollbackFailure = error.description
            }
            throw failure
        }
        return PathSwap(staged: staged, target: target, state: .retired(retired))
    }

    /// Puts the old version back; the new one ends up under the staged name.
    func rollback() throws(FileSystemError) {
        switch state {
        case .installed: try Self.rename(target, to: staged)
        case .exchanged:
            if try !Self.exchange(staged, target) {
                throw FileSystemError(operation: "exchange back", path: target.path, code: EINVAL)
            }
        case .retired(let retired):
            try Self.rename(target, to: staged)
            try Self.rename(retired, to: target)
        }
    }

    /// Removes the old version once the new one is durable. A failure only leaves a hidden
    /// leftover, which `SwapRecovery` removes on the next write.
    func discardOld() {
        switch state {
        case .installed: break
        case .exchanged: try? Folder.remove(staged)
        case .retired(let retired): try? Folder.remove(retired)
        }
    }

    static func rename(_ source: URL, to destination: URL) throws(FileSystemError) {
        if Foundation.rename(source.path, destination.path) != 0 {
            throw .lastError("rename \(source.path) to", destination.path)
        }
    }

    /// Exchanges two names atomically; false when this system or file system cannot.
    static func exchange(_ first: URL, _ second: URL) throws(FileSystemError) -> Bool {
        guard let renameat2 = RenameExchange.function else { return false }
        if renameat2(AT_FDCWD, first.path, AT_FDCWD, second.path, RenameExchange.flag) == 0 { return true }
        let code = errno
        if code == EINVAL || code == ENOSYS || code == ENOTSUP || code == EOPNOTSUPP { return false }
        throw FileSystemError(operation: "exchange \(first.path) with", path: second.path, code: code)
    }
}

/// glibc's renameat2 (2.28 and later), looked up at run time: Swift's Glibc module does not
/// export it, and a missing symbol only means the two-rename fallback.
enum RenameExchange {
    typealias Function = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// RENAME_EXCHANGE from <linux/fs.h>.
    static let flag: UInt32 = 1 << 1

    static let function: Function? = {
        guard let symbol = dlsym(nil, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: Function.self)
    }()
}
