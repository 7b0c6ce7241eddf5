import Foundation
import Hashing
import Spec

/// The key under which a report's results may be reused: SHA-256 over the canonical resolved
/// spec (seed included), the tool version, the running executable's bytes (so any change of
/// code or build invalidates) and the content hashes of the data files read.
enum CacheKey {
    static func compute(spec: ExperimentSpec, dataHashes: [String]) -> String {
        let hasher = SHA256()
        hasher.update("initlab/cache/v1\n")
        hasher.update(spec.canonicalText + "\n")
        hasher.update("tool \(ToolVersion.current)\n")
        hasher.update("executable \(executableHash)\n")
        for hash in dataHashes { hasher.update("data \(hash)\n") }
        return hasher.finalize().hex
    }

    /// SHA-256 of the running executable, computed once per process.
    static let executableHash: String = {
        let path = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return (try? SHA256.hash(fileAt: path).hex) ?? "unknown"
    }()
}
