import AtomicFiles
import Foundation
import Hashing
import JSON
import Report
import Spec

/// A report folder seen as a cache entry. It is served only when its manifest matches
/// manifest.sha256, carries the wanted key, claims the spec and seed being run, and every file
/// of the folder (index.html included, none unlisted) has the recorded hash.
struct CachedReport {
    enum Verdict: Equatable {
        case hit
        case miss
        /// The entry had the key but the manifest or a file no longer matched.
        case corrupt(String)
    }

    /// A hit needs the same key and the same page style (self-contained or not). Read under a
    /// shared lock of the reports folder, so a concurrent write is never seen half done.
    static func check(folder: URL, key: String, spec: ExperimentSpec, selfContained: Bool) -> Verdict {
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(Manifest.fileName).path) else {
            return .miss
        }
        let reports = folder.deletingLastPathComponent()
        let verdict = try? DirectoryLock.withLock(on: reports, exclusive: false) {
            judge(folder: folder, key: key, spec: spec, selfContained: selfContained)
        }
        return verdict ?? .miss
    }

    private static func judge(folder: URL, key: String, spec: ExperimentSpec, selfContained: Bool) -> Verdict {
        let stored: StoredReport
        do {
            stored = try StoredReport.open(folder)
        } catch {
            // A report of an older format is simply not a cache entry for this version.
            return error.isOtherFormat ? .miss : .corrupt("\(error)")
        }
        // The manifest must be intact before anything it says is believed.
        if let problem = stored.checks[0].problem { return .corrupt(problem) }
        let manifest = stored.manifest
        guard manifest.cacheKey == key, manifest.selfContained == selfContained else { return .miss }
        let specHash = SHA256.hash(spec.canonicalText).hex
        let claims: [(String, String, String)] = [
            ("experiment", manifest.experiment, spec.id), ("seed", String(manifest.seed), String(spec.seed)),
            ("title", manifest.title, spec.title), ("resolved spec SHA-256", manifest.resolvedSHA256, specHash),
            ("spec.json SHA-256", manifest.resolvedSpec.sha256, SHA256.hash(JSONWriter.pretty(spec.resolved)).hex),
        ]
        for (item, recorded, running) in claims where recorded != running {
            return .corrupt("manifest.json records \(item) \(recorded), the spec being run has \(running)")
        }
        if let problem = stored.problem { return .corrupt(problem) }
        return .hit
    }
}
