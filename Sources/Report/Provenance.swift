import Datasets

/// Where, with what and how a report was produced. Gathered at the edge (Workflow) and written to
/// the manifest and the report page; nothing here identifies the user.
public struct Provenance: Sendable {
    public var toolVersion: String
    /// `nil` outside a git checkout.
    public var gitCommit: String?
    public var gitDirty: Bool?
    public var swiftVersion: String
    public var operatingSystem: String
    public var buildConfiguration: String
    public var threads: Int
    public var cairoVersion: String
    public var freetypeVersion: String
    public var pixmanVersion: String
    public var fontFile: String
    public var fontSHA256: String
    /// The data files the experiment read, with their SHA-256.
    public var dataFiles: [DataFile]
    /// The spec file as written, and its SHA-256 (the resolved spec's hash is in the manifest too).
    public var specFile: String
    public var specFileSHA256: String
    /// Whether `--seed` replaced the spec's seed.
    public var seedOverridden: Bool
    /// The command that reruns this experiment.
    public var rerunCommand: String
    public var wallTimeSeconds: Double

    public init(
        toolVersion: String, gitCommit: String?, gitDirty: Bool?, swiftVersion: String, operatingSystem: String,
        buildConfiguration: String, threads: Int, cairoVersion: String, freetypeVersion: String, pixmanVersion: String,
        fontFile: String, fontSHA256: String, dataFiles: [DataFile], specFile: String, specFileSHA256: String,
        seedOverridden: Bool, rerunCommand: String, wallTimeSeconds: Double
    ) {
        self.toolVersion = toolVersion
        self.gitCommit = gitCommit
        self.gitDirty = gitDirty
        self.swiftVersion = swiftVersion
        self.operatingSystem = operatingSystem
        self.buildConfiguration = buildConfiguration
        self.threads = threads
        self.cairoVersion = cairoVersion
        self.freetypeVersion = freetypeVersion
        self.pixmanVersion = pixmanVersion
        self.fontFile = fontFile
        self.fontSHA256 = fontSHA256
        self.dataFiles = dataFiles
        self.specFile = specFile
        self.specFileSHA256 = specFileSHA256
        self.seedOverridden = seedOverridden
        self.rerunCommand = rerunCommand
        self.wallTimeSeconds = wallTimeSeconds
    }

    /// "abc1234 (dirty)" or "not a git checkout".
    public var codeDescription: String {
        guard let gitCommit else { return "not a git checkout" }
        return gitCommit + (gitDirty == true ? " (with uncommitted changes)" : "")
    }
}
