import Foundation
import Hashing
import JSON

/// manifest.json: the recipe and fingerprints of a report, enough to rerun it and check that
/// the rerun gives the same bytes (`initlab verify`).
public enum Manifest {
    public static let formatVersion = 1

    /// The manifest for a report whose files have the given contents.
    static func json(for content: ReportContent, files: [String: Data], selfContained: Bool) -> JSONValue {
        let provenance = content.provenance
        func fileEntry(_ path: String) -> JSONValue {
            ["path": .string(path), "sha256": .string(files[path].map { SHA256.hash($0).hex } ?? "")]
        }
        return [
            "format_version": .integer(formatVersion),
            "experiment": .string(content.spec.id),
            "title": .string(content.spec.title),
            "kind": .string(content.kindName),
            "seed": .integer(content.spec.seed),
            "seed_overridden": .bool(provenance.seedOverridden),
            "cache_key": .string(content.cacheKey),
            "self_contained": .bool(selfContained),
            "spec": [
                "file": .string(provenance.specFile),
                "file_sha256": .string(provenance.specFileSHA256),
                "resolved": fileEntry("spec.json"),
                "resolved_sha256": .string(content.specHash),
            ],
            "tool": ["name": "initlab", "version": .string(provenance.toolVersion)],
            "code": [
                "git_commit": provenance.gitCommit.map { .string($0) } ?? .null,
                "git_dirty": provenance.gitDirty.map { .bool($0) } ?? .null,
            ],
            "environment": [
                "swift": .string(provenance.swiftVersion),
                "os": .string(provenance.operatingSystem),
                "build": .string(provenance.buildConfiguration),
                "cairo": .string(provenance.cairoVersion),
                "freetype": .string(provenance.freetypeVersion),
                "pixman": .string(provenance.pixmanVersion),
                "font_file": .string(provenance.fontFile),
                "font_sha256": .string(provenance.fontSHA256),
            ],
            "data": .array(provenance.dataFiles.map { ["path": .string($0.path), "sha256": .string($0.sha256)] }),
            "results": fileEntry("results.json"),
            "arrays": .array(
                content.result.arrays.map { ["name": .string($0.name), "sha256": .string($0.digest.hex)] }),
            "figures": .array(
                content.figures.map { figure in
                    [
                        "id": .string(figure.id),
                        "title": .string(figure.title),
                        "width_in": .double(figure.widthInches),
                        "height_in": .double(figure.heightInches),
                        "pixel_sha256": .string(figure.pixelDigest),
                        "files": .object(
                            JSONObject(
                                ["png", "pdf", "svg"].map { format in
                                    (key: format, value: fileEntry("figures/\(figure.id).\(format)"))
                                })),
                    ]
                }),
            "run": [
                "command": .string(provenance.rerunCommand),
                "threads": .integer(provenance.threads),
                "wall_time_seconds": .double((provenance.wallTimeSeconds * 1000).rounded() / 1000),
            ],
        ]
    }
}
