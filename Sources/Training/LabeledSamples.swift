import LinearAlgebra

/// Samples as rows of a feature matrix with one class label each.
public struct LabeledSamples: Sendable {
    public let features: Matrix<Float>
    public let labels: [Int32]
    public let classCount: Int

    public init(features: Matrix<Float>, labels: [Int32], classCount: Int) {
        precondition(features.rows == labels.count, "\(features.rows) samples but \(labels.count) labels")
        self.features = features
        self.labels = labels
        self.classCount = classCount
    }

    public var count: Int { labels.count }

    /// The first `count` samples.
    public func prefix(_ count: Int) -> LabeledSamples {
        let rows = min(count, self.count)
        return LabeledSamples(
            features: Matrix(
                rows: rows, columns: features.columns,
                elements: Array(features.elements.prefix(rows * features.columns))),
            labels: Array(labels.prefix(rows)), classCount: classCount)
    }
}
