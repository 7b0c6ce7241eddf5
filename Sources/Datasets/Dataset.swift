import LinearAlgebra

/// Training and test samples ready for a network: one row of features per sample, labels
/// 0..<classCount, and the files they came from.
public struct Dataset: Sendable {
    /// One split: features (samples x features) and labels.
    public struct Split: Sendable {
        public let features: Matrix<Float>
        public let labels: [Int32]
        public var count: Int { labels.count }
    }

    public let name: String
    public let train: Split
    public let test: Split
    public let classCount: Int
    /// Every file read, with its SHA-256.
    public let files: [DataFile]
    /// A one-line account of what was loaded and how it was processed.
    public let summary: String
}

/// A file an experiment read and its content hash (of the bytes on disk).
public struct DataFile: Sendable, Hashable {
    public let path: String
    public let sha256: String

    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }
}
