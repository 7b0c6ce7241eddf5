/// Everything recorded while training one network: a pure value.
public struct TrainingLog: Sendable, Equatable {
    /// Accuracy and loss on held-out and training data at one iteration.
    public struct Evaluation: Sendable, Equatable {
        public let iteration: Int
        public let trainAccuracy: Double
        public let testAccuracy: Double
        public let testLoss: Double

        public init(iteration: Int, trainAccuracy: Double, testAccuracy: Double, testLoss: Double) {
            self.iteration = iteration
            self.trainAccuracy = trainAccuracy
            self.testAccuracy = testAccuracy
            self.testLoss = testLoss
        }
    }

    /// Per-layer statistics at one iteration: activations on the fixed probe batch, and the norm
    /// of each weight matrix's gradient in that iteration's step.
    public struct Snapshot: Sendable, Equatable {
        public let iteration: Int
        public let activationMean: [Double]
        public let activationStd: [Double]
        public let activation98thPercentile: [Double]
        public let gradientNorms: [Double]

        public init(
            iteration: Int, activationMean: [Double], activationStd: [Double], activation98thPercentile: [Double],
            gradientNorms: [Double]
        ) {
            self.iteration = iteration
            self.activationMean = activationMean
            self.activationStd = activationStd
            self.activation98thPercentile = activation98thPercentile
            self.gradientNorms = gradientNorms
        }
    }

    /// The mini-batch loss of every iteration, in order (until divergence).
    public var losses: [Float] = []
    public var evaluations: [Evaluation] = []
    public var snapshots: [Snapshot] = []
    /// The first iteration whose loss or parameters were not finite.
    public var divergedAt: Int?

    public init() {}
}
