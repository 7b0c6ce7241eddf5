/// The figures of an "activations" experiment.
public enum ActivationsFigureType: String, CaseIterable, Sendable, Hashable {
    /// Small multiples of per-layer histograms, one row per variant.
    case histograms
    /// Standard deviation and saturated/zero fraction against layer.
    case layerStatistics = "layer-statistics"
}
