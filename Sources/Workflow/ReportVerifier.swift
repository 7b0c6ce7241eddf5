import Foundation
import Hashing
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
        /// Why the recorded spec could not be rerun (spec.json missing or invalid), if it could not.
        public let rerunFailure: String?
        public var passed: Bool { rows.allSatisfy(\.same) && rerunFailure == nil }
    }

    public static func verify(
        reportDirectory folder: URL, dataRoot: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        progress: RunProgress = .silent
    ) throws -> Outcome {
        let stored: StoredReport
        do {
            stored = try StoredReport.open(folder)
        } catch {
            throw WorkflowError("\(error) (is this a report folder?)")
        }
        let manifest = stored.manifest
        // 1. The files on disk: manifest.json against manifest.sha256, every file against the
        //    manifest, and files the manifest does not list.
        var rows = stored.checks.map { check in
            let note =
                check.path == Manifest.fileName
                ? " (against \(Manifest.digestFileName))" : check.recorded == "absent" ? " (not in the manifest)" : ""
            return Row(item: "file \(check.path) on disk\(note)", recorded: check.recorded, found: check.found)
        }
        // 2. What the manifest claims against the spec it records.
        let specPath = folder.appendingPathComponent("spec.json").path
        let spec: ExperimentSpec
        do {
            spec = try ExperimentWorkflow.validate(path: specPath)
        } catch {
            return Outcome(
                experiment: manifest.experiment, rows: rows, environmentDifferences: [], expectedDifferences: [],
                rerunFailure: "\(error)")
        }
        rows += [
            Row(item: "manifest experiment", recorded: manifest.experiment, found: spec.id),
            Row(item: "manifest title", recorded: manifest.title, found: spec.title),
            Row(item: "manifest seed", recorded: String(manifest.seed), found: String(spec.seed)),
            Row(
                item: "manifest resolved spec SHA-256", recorded: manifest.resolvedSHA256,
                found: SHA256.hash(spec.canonicalText).hex),
        ]
        // 3. A rerun from the recorded spec (seed included) against the manifest.
        let (result, figures) = try ExperimentWorkflow.compute(
            spec, path: specPath, dataRoot: dataRoot, progress: progress)
        let currentData = try DataRequirements.files(for: spec, path: specPath, root: dataRoot)
        for (index, file) in currentData.enumerated() {
            let recorded = index < manifest.data.count ? manifest.data[index].sha256 : "absent"
            rows.append(Row(item: "data \(file.path)", recorded: recorded, found: file.sha256))
        }
        let content = ReportContent(
            spec: spec, result: result, figures: figures, provenance: placeholderProvenance, cacheKey: "")
        rows.append(
            Row(
                item: "rerun results.json", recorded: manifest.results.sha256,
                found: SHA256.hash(Data(content.resultsText.utf8)).hex))
        let newArrays = Dictionary(uniqueKeysWithValues: result.arrays.map { ($0.name, $0.digest.hex) })
        var recordedArrayNames: Set<String> = []
        for entry in manifest.arrays {
            recordedArrayNames.insert(entry.name)
            rows.append(
                Row(item: "rerun array \(entry.name)", recorded: entry.sha256, found: newArrays[entry.name] ?? "absent")
            )
        }
        for array in result.arrays where !recordedArrayNames.contains(array.name) {
            rows.append(Row(item: "rerun array \(array.name)", recorded: "absent", found: array.digest.hex))
        }
        let newFigures = Dictionary(uniqueKeysWithValues: figures.map { ($0.id, $0) })
        for entry in manifest.figures {
            let figure = newFigures[entry.id]
            rows.append(
                Row(
                    item: "rerun \(entry.id) pixels", recorded: entry.pixelSHA256,
                    found: figure?.pixelDigest ?? "absent"))
            for (format, data) in [("png", figure?.png), ("pdf", figure?.pdf), ("svg", figure?.svg)] {
                rows.append(
                    Row(
                        item: "rerun \(entry.id).\(format)", recorded: entry.files[format]?.sha256 ?? "absent",
                        found: data.map { SHA256.hash($0).hex } ?? "absent"))
            }
        }
        // The figure data and other derived files: pure functions of the results and figures.
        let attachments = ReportWriter.attachments(for: content)
        for entry in manifest.attachments {
            rows.append(
                Row(
                    item: "rerun \(entry.path)", recorded: entry.sha256,
                    found: attachments[entry.path].map { SHA256.hash($0).hex } ?? "absent"))
        }
        for (path, data) in attachments.sorted(by: { $0.key < $1.key })
        where !manifest.attachments.contains(where: { $0.path == path }) {
            rows.append(Row(item: "rerun \(path)", recorded: "absent", found: SHA256.hash(data).hex))
        }
        let (differences, expected) = environmentComparison(manifest.environment)
        return Outcome(
            experiment: manifest.experiment, rows: rows, environmentDifferences: differences,
            expectedDifferences: expected, rerunFailure: nil)
    }

    /// Recorded environment against this one; rendering libraries and the font affect figure
    /// bytes, the Swift toolchain and C library (OS) may affect the last bits of results.
    private static func environmentComparison(_ recordedEnvironment: Manifest.Environment) -> ([String], [String]) {
        let rendering = RenderingEnvironment.current
        let current: [(key: String, value: String, affects: String)] = [
            ("swift", Environment.swiftVersion, "results and figures (compiled numeric code)"),
            ("os", Environment.operatingSystem, "results (exp, log, tanh come from the C library) and figures"),
            ("cairo", rendering.cairo, "figure pixels and files"),
            ("freetype", rendering.freetype, "figure pixels and files (glyph rasterization)"),
            ("pixman", rendering.pixman, "figure pixels and files"),
            ("font_sha256", rendering.fontSHA256, "figure pixels and files (glyph shapes)"),
        ]
        let recordedValues = Dictionary(uniqueKeysWithValues: recordedEnvironment.entries.map { ($0.key, $0.value) })
        var differences: [String] = []
        var expected: [String] = []
        for entry in current {
            let recorded = recordedValues[entry.key] ?? "absent"
            if recorded != entry.value {
                differences.append("\(entry.key): recorded \(recorded), now \(entry.value)")
                expected.append(entry.affects)
            }
        }
        return (differences, Array(Set(expected)).sorted())
    }

    /// Provenance does not enter results.json or figures; the rerun only needs their bytes.
    private static let placeholderProvenance = Provenance(
        toolVersion: ToolVersion.current, gitCommit: nil, gitDirty: nil, swiftVersion: "", operatingSystem: "",
        buildConfiguration: "", threads: 1, cairoVersion: "", freetypeVersion: "", pixmanVersion: "", fontFile: "",
        fontSHA256: "", dataFiles: [], specFile: "", specFileSHA256: "", seedOverridden: false, rerunCommand: "",
        wallTimeSeconds: 0)
}
