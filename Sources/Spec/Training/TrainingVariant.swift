import Training

/// One network compared in a training experiment, with its optimizer.
public struct TrainingVariant: Sendable {
    /// Names the variant's random streams (`variant/<key>/...`).
    public let key: String
    public let label: String
    public let network: NetworkSpec
    public let optimizer: Optimizer
    public let learningRate: Double
}
