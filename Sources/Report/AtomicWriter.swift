import Foundation

/// Writes files and whole folders so that readers see either the old version or the new one,
/// never a half-written mix: write beside the target, then rename over it.
public enum AtomicWriter {
    /// Writes `data` to `url` through a temporary file in the same folder and a rename.
    public static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(
            ".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try data.write(to: temporary)
            // rename(2) replaces the target atomically; readers never see a partial file.
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Fills a fresh temporary folder beside `url` with `files` (relative path -> bytes), then
    /// swaps it in place of `url`. On any failure the previous folder is left as it was.
    public static func replaceDirectory(_ url: URL, with files: [String: Data]) throws {
        let parent = url.deletingLastPathComponent()
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        let suffix = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt64(Date().timeIntervalSince1970 * 1000))"
        let staging = parent.appendingPathComponent(".\(url.lastPathComponent).staging-\(suffix)")
        let retired = parent.appendingPathComponent(".\(url.lastPathComponent).retired-\(suffix)")
        do {
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                let target = staging.appendingPathComponent(path)
                try fileManager.createDirectory(
                    at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: target)
            }
            if fileManager.fileExists(atPath: url.path) {
                try fileManager.moveItem(at: url, to: retired)
            }
            do {
                try fileManager.moveItem(at: staging, to: url)
            } catch {
                if fileManager.fileExists(atPath: retired.path) { try? fileManager.moveItem(at: retired, to: url) }
                throw error
            }
            try? fileManager.removeItem(at: retired)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
    }
}
