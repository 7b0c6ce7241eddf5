import Foundation
import Hashing
import JSON
import Report
import Run
import Spec

/// `initlab verify`: rerun a report from its manifest and compare every fingerprint.
public enum ReportVerifier {
    /// One compared item.
    public struct Row: Sendable {
        public let item: String
        public let recorded: String
        public let found: String
        public var same: Bool { recorded == found }
    }

    /// What verification found.
    public struct Outcome: Sendable {
        public let experiment: String
        public let rows: [Row]
        /// Recorded vs current environment, where they differ.
        public let environmentDifferences: [String]
        /// Which comparisons may legitimately differ because of those differences.
        public let expectedDifferences: [String]
        public var passed: Bool { rows.allSatisfy(\.same) }
    }

    public static func verify(
        reportDirectory folder: URL, dataRoot: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        progress: RunProgress = .silent
    ) throws -> Outcome {
        let manifest: JSONValue
        do {
            manifest = try CachedReport.readManifest(folder)
        } catch {
            throw WorkflowError("\(folder.path): no readable manifest.json (is this a report folder?)")
        }
        guard case .string(let experiment)? = manifest.value(at: JSONPointer(["experiment"])) else {
            throw WorkflowError("\(folder.path)/manifest.json: missing \"experiment\"")
        }
        var rows: [Row] = []
        // 1. The files on disk against the manifest.
        for (path, hash) in ManifestFiles.list(manifest) {
            let onDisk =
                (try? Data(contentsOf: folder.appendingPathComponent(path))).map { SHA256.hash($0).hex } ?? "missing"
            rows.append(Row(item: "file \(path) on disk", recorded: hash, found: onDisk))
        }
        // 2. A rerun from the recorded spec (seed included) against the manifest.
        let specPath = folder.appendingPathComponent("spec.json").path
        let spec = try ExperimentWorkflow.validate(path: specPath)
        let (result, figures) = try ExperimentWorkflow.compute(
            spec, path: specPath, dataRoot: dataRoot, progress: progress)
        let currentData = try DataRequirements.files(for: spec, path: specPath, root: dataRoot)
        let recordedData = array(manifest, ["data"])
        for (index, file) in currentData.enumerated() {
            let recorded = index < recordedData.count ? string(recordedData[index], ["sha256"]) : "absent"
            rows.append(Row(item: "data \(file.path)", recorded: recorded, found: file.sha256))
        }
        let content = ReportContent(
            spec: spec, result: result, figures: figures, provenance: placeholderProvenance, cacheKey: "")
        rows.append(
            Row(
                item: "rerun results.json", recorded: string(manifest, ["results", "sha256"]),
                found: SHA256.hash(Data(content.resultsText.utf8)).hex))
        let newArrays = Dictionary(uniqueKeysWithValues: result.arrays.map { ($0.name, $0.digest.hex) })
        var recordedArrayNames: Set<String> = []
        for entry in array(manifest, ["arrays"]) {
            let name = string(entry, ["name"])
            recordedArrayNames.insert(name)
            rows.append(
                Row(
                    item: "rerun array \(name)", recorded: string(entry, ["sha256"]), found: newArrays[name] ?? "absent"
                ))
        }
        for array in result.arrays where !recordedArrayNames.contains(array.name) {
            rows.append(Row(item: "rerun array \(array.name)", recorded: "absent", found: array.digest.hex))
        }
        let newFigures = Dictionary(uniqueKeysWithValues: figures.map { ($0.id, $0) })
        for entry in array(manifest, ["figures"]) {
            let id = string(entry, ["id"])
            let figure = newFigures[id]
            rows.append(
                Row(
                    item: "rerun \(id) pixels", recorded: string(entry, ["pixel_sha256"]),
                    found: figure?.pixelDigest ?? "absent"))
            for (format, data) in [("png", figure?.png), ("pdf", figure?.pdf), ("svg", figure?.svg)] {
                rows.append(
                    Row(
                        item: "rerun \(id).\(format)", recorded: string(entry, ["files", format, "sha256"]),
                        found: data.map { SHA256.hash($0).hex } ?? "absent"))
            }
        }
        let (differences, expected) = environmentComparison(manifest)
        return Outcome(
            experiment: experiment, rows: rows, environmentDifferences: differences, expectedDifferences: expected)
    }

    /// Recorded environment against this one; rendering libraries and the font affect figure
    /// bytes, the Swift toolchain and C library (OS) may affect the last bits of results.
    private static func environmentComparison(_ manifest: JSONValue) -> ([String], [String]) {
        let rendering = RenderingEnvironment.current
        let current: [(key: String, value: String, affects: String)] = [
            ("swift", Environment.swiftVersion, "results and figures (compiled numeric code)"),
            ("os", Environment.operatingSystem, "results (exp, log, tanh come from the C library) and figures"),
            ("cairo", rendering.cairo, "figure pixels and files"),
            ("freetype", rendering.freetype, "figure pixels and files (glyph rasterization)"),
            ("pixman", rendering.pixman, "figure pixels and files"),
            ("font_sha256", rendering.fontSHA256, "figure pixels and files (glyph shapes)"),
        ]
        var differences: [String] = []
        var expected: [String] = []
        for entry in current {
            let recorded = string(manifest, ["environment", entry.key])
            if recorded != entry.value {
                differences.append("\(entry.key): recorded \(recorded), now \(entry.value)")
                expected.append(entry.affects)
            }
        }
        return (differences, Array(Set(expected)).sorted())
    }

    private static func string(_ value: JSONValue, _ path: [String]) -> String {
        if case .string(let string)? = value.value(at: JSONPointer(path)) { return string }
        return "absent"
    }

    private static func array(_ value: JSONValue, _ path: [String]) -> [JSONValue] {
        if case .array(let elements)? = value.value(at: JSONPointer(path)) { return elements }
        return []
    }

    /// Provenance does not enter results.json or figures; the rerun only needs their bytes.
    private static let placeholderProvenance = Provenance(
        toolVersion: ToolVersion.current, gitCommit: nil, gitDirty: nil, swiftVersion: "", operatingSystem: "",
        buildConfiguration: "", threads: 1, cairoVersion: "", freetypeVersion: "", pixmanVersion: "", fontFile: "",
        fontSHA256: "", dataFiles: [], specFile: "", specFileSHA256: "", seedOverridden: false, rerunCommand: "",
        wallTimeSeconds: 0)
}
