import Results
import Spec

/// Draws the figures a spec asks for from its results.
public enum FigureFactory {
    /// Every figure of the spec, in spec order, in PNG, PDF and SVG.
    public static func render(spec: ExperimentSpec, result: ExperimentResult) throws -> [RenderedFigure] {
        []
    }
}
