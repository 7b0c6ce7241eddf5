/// Which values an activations experiment histograms.
public enum HistogramValues: String, CaseIterable, Sendable, Hashable {
    /// The layer's output, after the activation.
    case activation
    /// The layer's affine output, before the activation.
    case preactivation
}
