import Datasets
import Foundation
import Hashing
import JSON
import Narrative

/// manifest.json: the recipe and fingerprints of a report, enough to rerun it and check that
/// the rerun gives the same bytes (`initlab verify`). Every file of the report is listed with
/// its SHA-256; the manifest's own SHA-256 is kept beside it in manifest.sha256 (sha256sum's
/// format, so `sha256sum -c manifest.sha256` checks it too). This is the one reader and writer
/// of the format.
public struct Manifest: Sendable, Equatable {
    /// A file of the report and its SHA-256.
    public struct FileEntry: Sendable, Equatable {
        public let path: String
        public let sha256: String

        public init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }
    }

    /// A result array's digest.
    public struct ArrayEntry: Sendable, Equatable {
        public let name: String
        public let sha256: String
    }

    /// A figure: its raw pixels' digest and its files (png, pdf, svg).
    public struct Figure: Sendable, Equatable {
        public let id: String
        public let title: String
        public let widthInches: Double
        public let heightInches: Double
        public let pixelSHA256: String
        public let files: [String: FileEntry]

        public static let formats = ["png", "pdf", "svg"]
    }

    /// What the report was made with, as recorded.
    public struct Environment: Sendable, Equatable {
        public let swift: String
        public let operatingSystem: String
        public let build: String
        public let cairo: String
        public let freetype: String
        public let pixman: String
        public let fontFile: String
        public let fontSHA256: String

        /// The recorded values by manifest key, for comparisons.
        public var entries: [(key: String, value: String)] {
            [
                ("swift", swift), ("os", operatingSystem), ("build", build), ("cairo", cairo),
                ("freetype", freetype), ("pixman", pixman), ("font_file", fontFile), ("font_sha256", fontSHA256),
            ]
        }
    }

    /// Version 2 lists index.html and has manifest.sha256 beside it; version 3 lists the
    /// attachments (figure data).
    public static let formatVersion = 3
    public static let fileName = "manifest.json"
    public static let digestFileName = "manifest.sha256"

    public let experiment: String
    public let title: String
    public let kind: String
    public let seed: UInt64
    public let seedOverridden: Bool
    public let cacheKey: String
    public let selfContained: Bool
    public let specFile: String
    public let specFileSHA256: String
    /// spec.json and the SHA-256 of the canonical resolved spec.
    public let resolvedSpec: FileEntry
    public let resolvedSHA256: String
    public let toolVersion: String
    public let gitCommit: String?
    public let gitDirty: Bool?
    public let environment: Environment
    public let data: [DataFile]
    /// index.html.
    public let page: FileEntry
    public let results: FileEntry
    public let arrays: [ArrayEntry]
    public let figures: [Figure]
    /// Files derived from the results for reuse (figure data as CSV, pgfplots snippets), by path.
    public let attachments: [FileEntry]
    /// The description and the narrative as plain text with findings filled in: what the index
    /// searches besides the title.
    public let abstract: String
    public let command: String
    public let threads: Int
    public let wallTimeSeconds: Double

    /// Every file of the report but the manifest and its digest.
    public var files: [FileEntry] {
        [page, results, resolvedSpec]
            + figures.flatMap { figure in Figure.formats.compactMap { figure.files[$0] } } + attachments
    }

    /// The manifest of a report whose other files have the given contents.
    init(content: ReportContent, files: [String: Data], attachments: [String], selfContained: Bool) {
        let provenance = content.provenance
        func entry(_ path: String) -> FileEntry {
            FileEntry(path: path, sha256: files[path].map { SHA256.hash($0).hex } ?? "")
        }
        experiment = content.spec.id
        title = content.spec.title
        kind = content.kindName
        seed = content.spec.seed
        seedOverridden = provenance.seedOverridden
        cacheKey = content.cacheKey
        self.selfContained = selfContained
        specFile = provenance.specFile
        specFileSHA256 = provenance.specFileSHA256
        resolvedSpec = entry("spec.json")
        resolvedSHA256 = content.specHash
        toolVersion = provenance.toolVersion
        gitCommit = provenance.gitCommit
        gitDirty = provenance.gitDirty
        environment = Environment(
            swift: provenance.swiftVersion, operatingSystem: provenance.operatingSystem,
            build: provenance.buildConfiguration, cairo: provenance.cairoVersion, freetype: provenance.freetypeVersion,
            pixman: provenance.pixmanVersion, fontFile: provenance.fontFile, fontSHA256: provenance.fontSHA256)
        data = provenance.dataFiles
        page = entry("index.html")
        results = entry("results.json")
        arrays = content.result.arrays.map { ArrayEntry(name: $0.name, sha256: $0.digest.hex) }
        figures = content.figures.map { figure in
            Figure(
                id: figure.id, title: figure.title, widthInches: figure.widthInches, heightInches: figure.heightInches,
                pixelSHA256: figure.pixelDigest,
                files: Dictionary(
                    uniqueKeysWithValues: Figure.formats.map { ($0, entry("figures/\(figure.id).\($0)")) }))
        }
        self.attachments = attachments.map(entry)
        abstract = Self.abstract(for: content)
        command = provenance.rerunCommand
        threads = provenance.threads
        wallTimeSeconds = (provenance.wallTimeSeconds * 1000).rounded() / 1000
    }

    /// The searchable text of a report.
    static func abstract(for content: ReportContent) -> String {
        let narrative =
            content.spec.narrative.isEmpty
            ? "" : Narrative.markdown(content.spec.narrative, context: NarrativeSection.context(for: content))
        return [content.spec.description, narrative].filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// manifest.json's text.
    public var text: String { JSONWriter.pretty(json) }

    public var json: JSONValue {
        func file(_ entry: FileEntry) -> JSONValue { ["path": .string(entry.path), "sha256": .string(entry.sha256)] }
        return [
            "format_version": .integer(Self.formatVersion),
            "experiment": .string(experiment),
            "title": .string(title),
            "kind": .string(kind),
            "seed": .integer(seed),
            "seed_overridden": .bool(seedOverridden),
            "cache_key": .string(cacheKey),
            "self_contained": .bool(selfContained),
            "spec": [
                "file": .string(specFile),
                "file_sha256": .string(specFileSHA256),
                "resolved": file(resolvedSpec),
                "resolved_sha256": .string(resolvedSHA256),
            ],
            "tool": ["name": "initlab", "version": .string(toolVersion)],
            "code": [
                "git_commit": gitCommit.map { .string($0) } ?? .null,
                "git_dirty": gitDirty.map { .bool($0) } ?? .null,
            ],
            "environment": .object(JSONObject(environment.entries.map { (key: $0.key, value: .string($0.value)) })),
            "data": .array(data.map { ["path": .string($0.path), "sha256": .string($0.sha256)] }),
            "page": file(page),
            "results": file(results),
            "arrays": .array(arrays.map { ["name": .string($0.name), "sha256": .string($0.sha256)] }),
            "figures": .array(
                figures.map { figure in
                    [
                        "id": .string(figure.id),
                        "title": .string(figure.title),
                        "width_in": .double(figure.widthInches),
                        "height_in": .double(figure.heightInches),
                        "pixel_sha256": .string(figure.pixelSHA256),
                        "files": .object(
                            JSONObject(
                                Figure.formats.compactMap { format in
                                    figure.files[format].map { (key: format, value: file($0)) }
                                })),
                    ]
                }),
            "attachments": .array(attachments.map(file)),
            "abstract": .string(abstract),
            "run": [
                "command": .string(command),
                "threads": .integer(threads),
                "wall_time_seconds": .double(wallTimeSeconds),
            ],
        ]
    }

    /// manifest.sha256's text for manifest.json's bytes.
    public static func digestText(for manifestBytes: Data) -> String {
        "\(SHA256.hash(manifestBytes).hex)  \(fileName)\n"
    }

    /// The SHA-256 recorded in manifest.sha256's text, or nil when it is not in that form.
    public static func recordedDigest(in digestText: String) -> String? {
        let line = digestText.split(separator: "\n", omittingEmptySubsequences: false)
        guard line.count == 2, line[1].isEmpty, line[0].hasSuffix("  \(fileName)") else { return nil }
        let hash = line[0].dropLast(fileName.count + 2)
        guard hash.count == 64, hash.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        return String(hash)
    }

    /// Reads manifest.json's bytes; errors name the JSON key and what was expected.
    public init(parsing bytes: Data) throws(ManifestError) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(String(decoding: bytes, as: UTF8.self)).value
        } catch {
            throw ManifestError("\(error)")
        }
        let root = ManifestReader(value: value, path: [])
        let version = try root.integer("format_version")
        guard version == Self.formatVersion else {
            var error = ManifestError(
                "/format_version: written in format \(version); this InitLab reads format \(Self.formatVersion)"
                    + " (rerun the experiment to rewrite the report)")
            error.isOtherFormat = true
            throw error
        }
        experiment = try root.string("experiment")
        title = try root.string("title")
        kind = try root.string("kind")
        seed = try root.unsigned("seed")
        seedOverridden = try root.bool("seed_overridden")
        cacheKey = try root.string("cache_key")
        selfContained = try root.bool("self_contained")
        let spec = try root.member("spec")
        specFile = try spec.string("file")
        specFileSHA256 = try spec.string("file_sha256")
        resolvedSpec = try spec.member("resolved").fileEntry()
        resolvedSHA256 = try spec.string("resolved_sha256")
        toolVersion = try root.member("tool").string("version")
        let code = try root.member("code")
        gitCommit = try code.optionalString("git_commit")
        gitDirty = try code.optionalBool("git_dirty")
        let environment = try root.member("environment")
        self.environment = Environment(
            swift: try environment.string("swift"), operatingSystem: try environment.string("os"),
            build: try environment.string("build"), cairo: try environment.string("cairo"),
            freetype: try environment.string("freetype"), pixman: try environment.string("pixman"),
            fontFile: try environment.string("font_file"), fontSHA256: try environment.string("font_sha256"))
        data = try root.elements("data").map { element throws(ManifestError) in
            DataFile(path: try element.string("path"), sha256: try element.string("sha256"))
        }
        page = try root.member("page").fileEntry()
        results = try root.member("results").fileEntry()
        arrays = try root.elements("arrays").map { element throws(ManifestError) in
            ArrayEntry(name: try element.string("name"), sha256: try element.string("sha256"))
        }
        figures = try root.elements("figures").map { element throws(ManifestError) in
            let files = try element.member("files")
            var entries: [String: FileEntry] = [:]
            for format in Figure.formats { entries[format] = try files.member(format).fileEntry() }
            return Figure(
                id: try element.string("id"), title: try element.string("title"),
                widthInches: try element.double("width_in"), heightInches: try element.double("height_in"),
                pixelSHA256: try element.string("pixel_sha256"), files: entries)
        }
        attachments = try root.elements("attachments").map { element throws(ManifestError) in
            try element.fileEntry()
        }
        abstract = try root.string("abstract")
        let run = try root.member("run")
        command = try run.string("command")
        threads = Int(try run.integer("threads"))
        wallTimeSeconds = try run.double("wall_time_seconds")
    }
}

/// A manifest.json that cannot be read: the JSON pointer and what was expected.
public struct ManifestError: Error, Sendable, CustomStringConvertible {
    public let description: String
    /// The manifest is well formed but in another format version (an older InitLab wrote it).
    public internal(set) var isOtherFormat = false

    init(_ description: String) { self.description = description }
}

/// Typed members of the manifest's JSON, with errors that name the key path.
private struct ManifestReader {
    let value: JSONValue
    let path: [String]

    private func lookUp(_ key: String) throws(ManifestError) -> JSONValue {
        guard case .object(let object) = value else { throw ManifestError("\(pointer): expected an object") }
        guard let member = object[key] else { throw ManifestError("\(pointer)/\(key): missing") }
        return member
    }

    private var pointer: String { path.isEmpty ? "" : "/" + path.joined(separator: "/") }

    private func error(_ key: String, _ expected: String, _ found: JSONValue) -> ManifestError {
        ManifestError("\(pointer)/\(key): expected \(expected), found \(found.typeDescription)")
    }

    func member(_ key: String) throws(ManifestError) -> ManifestReader {
        ManifestReader(value: try lookUp(key), path: path + [key])
    }

    func string(_ key: String) throws(ManifestError) -> String {
        let member = try lookUp(key)
        guard case .string(let string) = member else { throw error(key, "a string", member) }
        return string
    }

    func optionalString(_ key: String) throws(ManifestError) -> String? {
        if try lookUp(key) == .null { return nil }
        return try string(key)
    }

    func bool(_ key: String) throws(ManifestError) -> Bool {
        let member = try lookUp(key)
        guard case .bool(let flag) = member else { throw error(key, "a boolean", member) }
        return flag
    }

    func optionalBool(_ key: String) throws(ManifestError) -> Bool? {
        if try lookUp(key) == .null { return nil }
        return try bool(key)
    }

    func integer(_ key: String) throws(ManifestError) -> Int64 {
        let member = try lookUp(key)
        guard case .number(let number) = member, let integer = Int64(number.text) else {
            throw error(key, "an integer", member)
        }
        return integer
    }

    func unsigned(_ key: String) throws(ManifestError) -> UInt64 {
        let member = try lookUp(key)
        guard case .number(let number) = member, let integer = UInt64(number.text) else {
            throw error(key, "a non-negative integer", member)
        }
        return integer
    }

    func double(_ key: String) throws(ManifestError) -> Double {
        let member = try lookUp(key)
        guard case .number(let number) = member, let double = Double(number.text) else {
            throw error(key, "a number", member)
        }
        return double
    }

    func elements(_ key: String) throws(ManifestError) -> [ManifestReader] {
        let member = try lookUp(key)
        guard case .array(let elements) = member else { throw error(key, "an array", member) }
        return elements.enumerated().map { ManifestReader(value: $1, path: path + [key, String($0)]) }
    }

    func fileEntry() throws(ManifestError) -> Manifest.FileEntry {
        Manifest.FileEntry(path: try string("path"), sha256: try string("sha256"))
    }
}
