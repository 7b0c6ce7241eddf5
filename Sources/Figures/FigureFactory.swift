import Plotting
import Results
import Spec

/// Draws the figures a spec asks for from its results.
public enum FigureFactory {
    /// Every figure of the spec, in spec order, in PNG, PDF and SVG.
    public static func render(spec: ExperimentSpec, result: ExperimentResult) throws -> [RenderedFigure] {
        try spec.figures.map { request in
            let drawing = try draft(request, spec: spec, result: result)
            let id = request.id(experiment: spec.id)
            let output = try FigureExporter.render(drawing.figure, title: id)
            return RenderedFigure(
                id: id, name: request.name, title: drawing.title, caption: request.caption ?? drawing.caption,
                widthInches: drawing.figure.widthInches, heightInches: drawing.figure.heightInches,
                png: output.png, pdf: output.pdf, svg: output.svg, pixelDigest: output.pixelDigest)
        }
    }

    /// The figure for a request, before rendering: what tests inspect.
    public static func draft(_ request: FigureSpec, spec: ExperimentSpec, result: ExperimentResult) throws
        -> FigureDraft
    {
        switch (result.body, request.type) {
        case (.activations(let activations), "histograms"):
            guard case .activations(let experiment) = spec.body else { break }
            return ActivationHistogramFigure.draft(activations, experiment: experiment, size: request.size)
        case (.activations(let activations), "layer-statistics"):
            guard case .activations(let experiment) = spec.body else { break }
            return LayerStatisticsFigure.draft(activations, experiment: experiment, size: request.size)
        case (.training(let training), "loss"): return TrainingFigures.loss(training, request: request)
        case (.training(let training), "accuracy"): return TrainingFigures.accuracy(training, request: request)
        case (.training(let training), "layer-statistics"):
            return TrainingFigures.layerStatistics(training, request: request)
        case (.training(let training), "gradient-histograms"):
            return TrainingFigures.initialHistograms(training, request: request, gradients: true)
        case (.training(let training), "activation-histograms"):
            return TrainingFigures.initialHistograms(training, request: request, gradients: false)
        case (.training(let training), "variance-by-depth"):
            return TrainingFigures.varianceByDepth(training, request: request)
        case (.meanField(let theory), "phase-diagram"):
            if let diagram = theory.phaseDiagram { return TheoryFigures.phaseDiagram(diagram, request: request) }
        case (.meanField(let theory), "depth-scales"):
            if let scales = theory.depthScales { return TheoryFigures.depthScales(scales, request: request) }
        case (.meanField(let theory), "correlation-depth"):
            if !theory.correlationCurves.isEmpty {
                return TheoryFigures.correlationDepth(theory.correlationCurves, request: request)
            }
        case (.meanField(let theory), "empirical-maps"):
            if let measured = theory.empirical { return TheoryFigures.empirical(measured, request: request) }
        case (.jacobian(let jacobian), "spectra"):
            guard case .jacobian(let experiment) = spec.body else { break }
            return TheoryFigures.spectra(jacobian, request: request, bins: experiment.bins)
        case (.jacobian(let jacobian), "spectrum-moments"):
            return TheoryFigures.spectrumMoments(jacobian, request: request)
        case (.sweep(let sweep), "heatmap"):
            return TheoryFigures.sweepHeatmap(sweep, request: request)
        default:
            break
        }
        throw FigureError("figure type \"\(request.type)\" does not apply to a \(result.kind) experiment")
    }
}

/// A figure laid out but not yet rendered, with the words that go under it.
public struct FigureDraft: Sendable {
    public let figure: Figure
    public let title: String
    public let caption: String
}

/// A figure that cannot be drawn from the results at hand.
public struct FigureError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
