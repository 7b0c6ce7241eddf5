/// How a fixed point of a one-dimensional map behaves, read off the map's slope there. This is
/// the one definition of "attracting" that every part of InitLab uses.
public enum FixedPointStability: Sendable, Hashable {
    /// Slope below 1: nearby values converge to the fixed point.
    case attracting
    /// Slope exactly 1: neither converging nor diverging (ReLU's variance map on its edge of
    /// chaos keeps every q).
    case marginal
    /// Slope above 1: a finite network starting near the fixed point drifts away from it.
    case repelling

    public init(slope: Double) {
        self = slope < 1 ? .attracting : slope == 1 ? .marginal : .repelling
    }
}
