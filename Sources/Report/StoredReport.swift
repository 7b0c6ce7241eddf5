import Foundation
import Hashing

/// A report folder on disk read back: its manifest, checked against manifest.sha256, and every
/// file against the manifest, with unlisted files found too. The cache and `initlab verify`
/// both judge a report by this.
public struct StoredReport: Sendable {
    /// One file as recorded and as found: a SHA-256, "missing", "absent" (not recorded), or
    /// "not a regular file".
    public struct FileCheck: Sendable, Equatable {
        public let path: String
        public let recorded: String
        public let found: String
        public var matches: Bool { recorded == found }

        /// Why it does not match, as a phrase naming the file.
        public var problem: String? {
            if matches { return nil }
            if recorded == "absent" { return "\(path) is not listed in the manifest" }
            if found == "missing" { return "\(path) is missing" }
            if path == Manifest.fileName {
                return recorded == "missing"
                    ? "\(Manifest.digestFileName) is missing or malformed"
                    : "\(path) does not match the SHA-256 in \(Manifest.digestFileName)"
            }
            return "\(path) does not match its recorded SHA-256"
        }
    }

    public let folder: URL
    public let manifest: Manifest
    /// manifest.json against manifest.sha256 first, then every listed file, then unlisted ones.
    public let checks: [FileCheck]

    /// The first problem, or nil when every file is as recorded.
    public var problem: String? { checks.lazy.compactMap(\.problem).first }

    /// Reads `folder`; fails only when manifest.json is missing or unreadable (naming it).
    public static func open(_ folder: URL) throws(ManifestError) -> StoredReport {
        let manifestURL = folder.appendingPathComponent(Manifest.fileName)
        guard let bytes = try? Data(contentsOf: manifestURL) else {
            throw ManifestError("\(manifestURL.path): missing or unreadable")
        }
        let manifest: Manifest
        do {
            manifest = try Manifest(parsing: bytes)
        } catch {
            var located = ManifestError("\(manifestURL.path): \(error)")
            located.isOtherFormat = error.isOtherFormat
            throw located
        }
        let digest = (try? String(contentsOf: folder.appendingPathComponent(Manifest.digestFileName), encoding: .utf8))
            .flatMap(Manifest.recordedDigest(in:))
        var checks = [FileCheck(path: Manifest.fileName, recorded: digest ?? "missing", found: SHA256.hash(bytes).hex)]
        var listed: Set<String> = [Manifest.fileName, Manifest.digestFileName]
        for entry in manifest.files {
            listed.insert(entry.path)
            checks.append(FileCheck(path: entry.path, recorded: entry.sha256, found: fingerprint(folder, entry.path)))
        }
        for path in filePaths(under: folder) where !listed.contains(path) {
            checks.append(FileCheck(path: path, recorded: "absent", found: fingerprint(folder, path)))
        }
        return StoredReport(folder: folder, manifest: manifest, checks: checks)
    }

    private static func fingerprint(_ folder: URL, _ path: String) -> String {
        let url = folder.appendingPathComponent(path)
        var status = stat()
        guard lstat(url.path, &status) == 0 else { return "missing" }
        guard status.st_mode & S_IFMT == S_IFREG else { return "not a regular file" }
        return (try? SHA256.hash(fileAt: url).hex) ?? "unreadable"
    }

    /// Every non-folder entry under `folder` (hidden ones included), relative, sorted.
    private static func filePaths(under folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { path in
            var status = stat()
            return lstat(folder.appendingPathComponent(path).path, &status) == 0 && status.st_mode & S_IFMT != S_IFDIR
        }.sorted()
    }
}
