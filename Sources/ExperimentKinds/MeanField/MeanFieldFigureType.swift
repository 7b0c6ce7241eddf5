/// The figures of a "meanfield" experiment; each needs the spec section of the same name.
public enum MeanFieldFigureType: String, CaseIterable, Sendable, Hashable {
    /// Poole/Schoenholz phase diagram over (sigma_w^2, sigma_b^2).
    case phaseDiagram = "phase-diagram"
    /// xi_c and xi_q against sigma_w^2.
    case depthScales = "depth-scales"
    /// Hayou et al.'s 1 - c^l against depth on the edge of chaos.
    case correlationDepth = "correlation-depth"
    /// Finite networks against the maps.
    case empiricalMaps = "empirical-maps"

    /// The spec section the figure is computed from.
    public var section: String {
        switch self {
        case .phaseDiagram: "phase_diagram"
        case .depthScales: "depth_scales"
        case .correlationDepth: "correlation_depth"
        case .empiricalMaps: "empirical"
        }
    }
}
