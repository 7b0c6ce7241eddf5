/// The figures of a "sweep" experiment.
public enum SweepFigureType: String, CaseIterable, Sendable, Hashable {
    /// The metric over the grid, with the optional mean-field overlay.
    case heatmap
}
