/// Which fan a variance-scaling initializer divides by.
public enum FanMode: String, CaseIterable, Hashable, Sendable {
    /// n = fan_in (He, LeCun; preserves forward variance).
    case fanIn = "fan_in"
    /// n = fan_out (preserves backward variance).
    case fanOut = "fan_out"
    /// n = (fan_in + fan_out) / 2 (Glorot).
    case fanAverage = "fan_avg"
    /// n = sqrt(fan_in * fan_out) (JAX's `fan_geo_avg`).
    case fanGeometricAverage = "fan_geo_avg"

    /// The divisor n for a shape.
    public func fan(of shape: WeightShape) -> Double {
        let fanIn = Double(shape.fanIn)
        let fanOut = Double(shape.fanOut)
        switch self {
        case .fanIn: return fanIn
        case .fanOut: return fanOut
        case .fanAverage: return (fanIn + fanOut) / 2
        case .fanGeometricAverage: return (fanIn * fanOut).squareRoot()
        }
    }
}

/// The distribution a variance-scaling initializer draws from. "normal" alone is never used:
/// frameworks disagree on whether it is truncated.
public enum ScalingDistribution: String, CaseIterable, Hashable, Sendable {
    /// U(-limit, limit) with limit = sqrt(3 scale / n).
    case uniform
    /// N(0, scale / n), untruncated (PyTorch, Lasagne).
    case untruncatedNormal = "untruncated-normal"
    /// Normal truncated at +-2 sigma_pre, rescaled so the std AFTER truncation is sqrt(scale / n)
    /// (Keras and JAX `truncated_normal` variance scaling).
    case truncatedNormal = "truncated-normal"
}
