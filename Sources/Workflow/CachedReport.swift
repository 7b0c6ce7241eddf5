import Foundation
import Hashing
import JSON

/// A report folder seen as a cache entry: usable only when its manifest carries the wanted key
/// and every file the manifest lists still has the recorded hash.
struct CachedReport {
    enum Verdict: Equatable {
        case hit
        case miss
        /// The entry had the key but a file no longer matched its hash.
        case corrupt(String)
    }

    /// A hit needs the same key and the same page style (self-contained or not).
    static func check(folder: URL, key: String, selfContained: Bool) -> Verdict {
        guard let manifest = try? readManifest(folder),
            case .string(let recorded)? = manifest.value(at: JSONPointer(["cache_key"]))
        else { return .miss }
        guard recorded == key, manifest.value(at: JSONPointer(["self_contained"])) == .bool(selfContained) else {
            return .miss
        }
        for (path, hash) in ManifestFiles.list(manifest) {
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(path)) else {
                return .corrupt("\(path) is missing")
            }
            if SHA256.hash(data).hex != hash { return .corrupt("\(path) does not match its recorded SHA-256") }
        }
        return .hit
    }

    static func readManifest(_ folder: URL) throws -> JSONValue {
        let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        return try JSONParser.parse(String(decoding: data, as: UTF8.self)).value
    }
}

/// The files a manifest lists with their SHA-256: results, resolved spec and every figure file.
enum ManifestFiles {
    static func list(_ manifest: JSONValue) -> [(path: String, sha256: String)] {
        var entries: [JSONValue] = []
        if let results = manifest.value(at: JSONPointer(["results"])) { entries.append(results) }
        if let spec = manifest.value(at: JSONPointer(["spec", "resolved"])) { entries.append(spec) }
        if case .array(let figures)? = manifest.value(at: JSONPointer(["figures"])) {
            for figure in figures {
                if case .object(let files)? = figure.value(at: JSONPointer(["files"])) {
                    entries += files.members.map(\.value)
                }
            }
        }
        return entries.compactMap { entry in
            guard case .string(let path)? = entry.value(at: JSONPointer(["path"])),
                case .string(let hash)? = entry.value(at: JSONPointer(["sha256"]))
            else { return nil }
            return (path, hash)
        }
    }
}
