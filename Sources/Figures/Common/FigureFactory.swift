import ExperimentKinds
import Plotting
import Results

/// Draws the figures an experiment asks for from its results.
public enum FigureFactory {
    /// Every requested figure, in request order, in PNG, PDF and SVG.
    public static func render(_ requests: FigureRequests, for result: ExperimentResult) throws -> [RenderedFigure] {
        try drafts(requests, for: result).map { draft in
            let id = "fig-\(result.experimentID)-\(draft.name)"
            let output = try FigureExporter.render(draft.figure, title: id)
            return RenderedFigure(
                id: id, name: draft.name, title: draft.title, caption: draft.caption,
                widthInches: draft.figure.widthInches, heightInches: draft.figure.heightInches,
                png: output.png, pdf: output.pdf, svg: output.svg, pixelDigest: output.pixelDigest)
        }
    }

    /// The requested figures laid out but not rendered: what tests inspect. Each kind's figures
    /// are drawn from that kind's results only.
    public static func drafts(_ requests: FigureRequests, for result: ExperimentResult) throws(FigureError)
        -> [FigureDraft]
    {
        let mismatch = FigureError(
            "the figures of a \(requests.kind.rawValue) experiment cannot be drawn from \(result.kind.rawValue) results"
        )
        switch requests {
        case .activations(let requests):
            guard case .activations(let activations) = result.body else { throw mismatch }
            return try draw(requests) { request throws(FigureError) in ActivationsFigures.draft(request, activations) }
        case .training(let requests):
            guard case .training(let training) = result.body else { throw mismatch }
            return try draw(requests) { request throws(FigureError) in TrainingFigures.draft(request, training) }
        case .meanField(let requests):
            guard case .meanField(let theory) = result.body else { throw mismatch }
            return try draw(requests) { request throws(FigureError) in try MeanFieldFigures.draft(request, theory) }
        case .jacobian(let requests):
            guard case .jacobian(let jacobian) = result.body else { throw mismatch }
            return try draw(requests) { request throws(FigureError) in JacobianFigures.draft(request, jacobian) }
        case .sweep(let requests):
            guard case .sweep(let sweep) = result.body else { throw mismatch }
            return try draw(requests) { request throws(FigureError) in SweepFigures.draft(request, sweep) }
        }
    }

    /// Drafts each request and applies what the request says about every figure: its name and
    /// a caption that replaces the default one.
    private static func draw<FigureType>(
        _ requests: [FigureRequest<FigureType>],
        _ draft: (FigureRequest<FigureType>) throws(FigureError) -> FigureDraft
    ) throws(FigureError) -> [FigureDraft] {
        var drafts: [FigureDraft] = []
        for request in requests {
            let drawn = try draft(request)
            drafts.append(
                FigureDraft(
                    name: request.name, figure: drawn.figure, title: drawn.title,
                    caption: request.caption ?? drawn.caption))
        }
        return drafts
    }
}

/// A figure laid out but not yet rendered, with the words that go under it.
public struct FigureDraft: Sendable {
    /// The figure's name within its experiment (`fig-<experiment>-<name>`).
    public let name: String
    public let figure: Figure
    public let title: String
    public let caption: String

    init(name: String = "", figure: Figure, title: String, caption: String) {
        self.name = name
        self.figure = figure
        self.title = title
        self.caption = caption
    }
}

/// A figure that cannot be drawn from the results at hand.
public struct FigureError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
