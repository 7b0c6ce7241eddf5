/// The figures of a "training" experiment.
public enum TrainingFigureType: String, CaseIterable, Sendable, Hashable {
    /// Mini-batch loss against iteration.
    case loss
    /// Training and test accuracy at the evaluation points.
    case accuracy
    /// Per-layer activation mean, std and 98th percentile during training.
    case layerStatistics = "layer-statistics"
    /// Back-propagated gradients at initialization, per layer.
    case gradientHistograms = "gradient-histograms"
    /// Activations at initialization, per layer.
    case activationHistograms = "activation-histograms"
    /// log2 output variance and gradient std against depth at initialization.
    case varianceByDepth = "variance-by-depth"
}
