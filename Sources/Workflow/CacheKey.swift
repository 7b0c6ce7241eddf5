import Foundation
import Hashing
import Spec

/// The keys under which computed things may be reused. Both cover the canonical resolved spec
/// (seed included), the tool version, the running executable's bytes (so any change of code or
/// build invalidates) and the content hashes of the data files read.
enum CacheKey {
    /// A report's key: also every input of the figure bytes, the rendering stack (Cairo,
    /// FreeType, pixman versions and the content of the libraries that draw and encode: cairo,
    /// pixman, freetype, libpng, zlib) and both font files' content.
    static func report(spec: ExperimentSpec, dataHashes: [String], rendering: RenderingEnvironment) -> String {
        let hasher = base(spec: spec, dataHashes: dataHashes, version: "initlab/cache/v2")
        for (name, value) in rendering.keyedInputs { hasher.update("\(name) \(value)\n") }
        return hasher.finalize().hex
    }

    /// A sweep cell's key: also the metric its stored value measures.
    static func cell(spec: ExperimentSpec, metric: String, dataHashes: [String]) -> String {
        let hasher = base(spec: spec, dataHashes: dataHashes, version: "initlab/cell/v2")
        hasher.update("metric \(metric)\n")
        return hasher.finalize().hex
    }

    /// The key of a pure computation's stored values (a sweep's overlay curve): its description
    /// with every argument, and the code that computes it.
    static func computation(_ description: String) -> String {
        let hasher = SHA256()
        hasher.update("initlab/computation/v1\n")
        hasher.update(description + "\n")
        hasher.update("tool \(ToolVersion.current)\n")
        hasher.update("executable \(executableHash)\n")
        return hasher.finalize().hex
    }

    private static func base(spec: ExperimentSpec, dataHashes: [String], version: String) -> SHA256 {
        let hasher = SHA256()
        hasher.update(version + "\n")
        hasher.update(spec.canonicalText + "\n")
        hasher.update("tool \(ToolVersion.current)\n")
        hasher.update("executable \(executableHash)\n")
        for hash in dataHashes { hasher.update("data \(hash)\n") }
        return hasher
    }

    /// SHA-256 of the running executable, computed once per process.
    static let executableHash: String = {
        let path = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return (try? SHA256.hash(fileAt: path).hex) ?? "unknown"
    }()
}
