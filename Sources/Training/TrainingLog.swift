/// Everything recorded while training one network: a pure value.
public struct TrainingLog: Sendable, Equatable {
    /// Accuracy and loss on held-out and training data at one iteration.
    public struct Evaluation: Sendable, Equatable {
        public let iteration: Int
        public let trainAccuracy: Double
        public let testAccuracy: Double
        public let testLoss: Double
    }

    /// Per-layer statistics at one iteration: activations on the fixed probe batch, and the norm
    /// of each weight matrix's gradient in that iteration's step.
    public struct Snapshot: Sendable, Equatable {
        public let iteration: Int
        public let activationMean: [Double]
        public let activationStd: [Double]
        public let activation98thPercentile: [Double]
        public let gradientNorms: [Double]
    }

    /// The mini-batch loss of every iteration, in order (until divergence).
    public var losses: [Float] = []
    public var evaluations: [Evaluation] = []
    public var snapshots: [Snapshot] = []
    /// The first iteration whose loss or parameters were not finite.
    public var divergedAt: Int?

    public init() {}
}
