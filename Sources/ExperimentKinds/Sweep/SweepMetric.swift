/// What each cell of a sweep reports.
public enum SweepMetric: String, CaseIterable, Sendable, Hashable {
    case testAccuracy = "test_accuracy"
    case trainAccuracy = "train_accuracy"
    case finalLoss = "final_loss"

    /// Words for axis labels and tables.
    public var label: String {
        switch self {
        case .testAccuracy: "test accuracy"
        case .trainAccuracy: "train accuracy"
        case .finalLoss: "final loss"
        }
    }

    /// Whether the metric is a fraction in [0, 1] (higher is better).
    public var isAccuracy: Bool {
        switch self {
        case .testAccuracy, .trainAccuracy: true
        case .finalLoss: false
        }
    }
}
