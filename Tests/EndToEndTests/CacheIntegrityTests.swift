import Foundation
import Testing

/// A cached report is served only when every file, the manifest included, is as recorded;
/// `initlab verify` names any file that is not.
@Suite struct CacheIntegrityTests {
    enum Tamper: String, CaseIterable {
        case edit, truncate, delete
    }

    /// Every file of a small report, edited, truncated and deleted in turn.
    @Test func anyChangeToAnyFileIsDetectedAndRecomputed() throws {
        let workspace = try Workspace()
        try workspace.write("small.json", RunCommandTests.spec())
        #expect(try CLI.run(["run", "small.json", "--quiet"], in: workspace.url).status == 0)
        let files = workspace.files(under: "Reports/small")
        #expect(files.contains("index.html") && files.contains("manifest.json") && files.contains("manifest.sha256"))
        let pristine = try Dictionary(
            uniqueKeysWithValues: files.map { ($0, try workspace.data("Reports/small/\($0)")) })
        let folder = workspace.url.appendingPathComponent("Reports/small")
        for file in files {
            for tamper in Tamper.allCases {
                try? FileManager.default.removeItem(at: folder)
                for (path, data) in pristine {
                    let url = folder.appendingPathComponent(path)
                    try FileManager.default.createDirectory(
                        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try data.write(to: url)
                }
                let url = folder.appendingPathComponent(file)
                switch tamper {
                case .edit:
                    let edited =
                        file == "index.html"
                        ? Data(
                            String(decoding: pristine[file]!, as: UTF8.self).replacingOccurrences(
                                of: "</body>", with: "<script>alert(1)</script></body>"
                            ).utf8)
                        : pristine[file]! + Data(" ".utf8)
                    try edited.write(to: url)
                case .truncate: try Data().write(to: url)
                case .delete: try FileManager.default.removeItem(at: url)
                }
                let verify = try CLI.run(["verify", "Reports/small"], in: workspace.url)
                #expect(verify.status == 1, "verify passed after \(tamper) of \(file)")
                #expect(
                    (verify.stdout + verify.stderr).split(separator: "\n").contains { line in
                        line.contains(file) && (line.contains("DIFFERENT") || line.hasPrefix("initlab:"))
                    }, "verify does not name \(file) after \(tamper):\n\(verify.stdout)\(verify.stderr)")
                let rerun = try CLI.run(["run", "small.json"], in: workspace.url)
                #expect(rerun.status == 0, "\(rerun.stderr)")
                #expect(
                    !rerun.stderr.contains("served from cache") && rerun.stderr.contains("recomputed")
                        || (file == "manifest.json" && tamper == .delete),
                    "\(tamper) of \(file) was served: \(rerun.stderr)")
                #expect(try CLI.run(["run", "small.json"], in: workspace.url).stderr.contains("served from cache"))
            }
        }
    }

    /// A manifest edited consistently (its digest recomputed) still has to match the spec, the
    /// cache key and the files.
    @Test func editedManifestWithARecomputedDigestIsNotServed() throws {
        let workspace = try Workspace()
        try workspace.write("small.json", RunCommandTests.spec())
        #expect(try CLI.run(["run", "small.json", "--quiet"], in: workspace.url).status == 0)
        let original = try workspace.text("Reports/small/manifest.json")
        let results = try #require(
            original.firstMatch(of: /"results": \{\s*"path": "results.json",\s*"sha256": "([0-9a-f]{64})"/))
        let edits: [(String, String, String)] = [
            (
                "title",
                original.replacingOccurrences(
                    of: "\"title\": \"Small sigmoid network\"", with: "\"title\": \"Forged\""), "manifest title"
            ),
            (
                "results hash",
                original.replacingOccurrences(of: String(results.1), with: String(repeating: "0", count: 64)),
                "file results.json"
            ),
            ("figures removed", try Self.withoutFigures(original), "not in the manifest"),
        ]
        for (name, edited, item) in edits {
            #expect(edited != original, "\(name)")
            try workspace.write("Reports/small/manifest.json", edited)
            let digest = try PinnedResultsTests.sha256(Data(edited.utf8))
            try workspace.write("Reports/small/manifest.sha256", "\(digest)  manifest.json\n")
            let rerun = try CLI.run(["run", "small.json"], in: workspace.url)
            #expect(
                rerun.stderr.contains("recomputed") && !rerun.stderr.contains("served from cache"),
                "\(name): \(rerun.stderr)")
            try workspace.write("Reports/small/manifest.json", edited)
            try workspace.write("Reports/small/manifest.sha256", "\(digest)  manifest.json\n")
            let verify = try CLI.run(["verify", "Reports/small"], in: workspace.url)
            #expect(verify.status == 1, "\(name): \(verify.stdout)")
            #expect(
                verify.stdout.split(separator: "\n").contains { $0.contains(item) && $0.contains("DIFFERENT") },
                "\(name): \(verify.stdout)")
            #expect(try CLI.run(["run", "small.json", "--force", "--quiet"], in: workspace.url).status == 0)
        }
    }

    /// The manifest with its figures' entries emptied out.
    static func withoutFigures(_ manifest: String) throws -> String {
        let start = try #require(manifest.range(of: "\"figures\": ["))
        // The figures array ends where the next member starts (the attachments, then the run).
        let end = try #require(manifest.range(of: "\"attachments\": [") ?? manifest.range(of: "\"run\": {"))
        return manifest.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "\"figures\": [],\n  ")
    }
}
