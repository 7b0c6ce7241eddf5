import ExperimentKinds
import Figures
import Plotting
import Results
import Testing

/// Every figure type of every kind drawn from that kind's results and rendered: a new kind or
/// figure type is drawn here without a new test (the switches have no `default`).
@Suite struct FigureCoverageTests {
    /// One request for every figure type of `kind`, named after the type.
    static func everyType(of kind: ExperimentKind) -> FigureRequests {
        switch kind {
        case .activations: .activations(ActivationsFigureType.allCases.map { FigureRequest($0) })
        case .training: .training(TrainingFigureType.allCases.map { FigureRequest($0) })
        case .meanField: .meanField(MeanFieldFigureType.allCases.map { FigureRequest($0) })
        case .jacobian: .jacobian(JacobianFigureType.allCases.map { FigureRequest($0) })
        case .sweep: .sweep(SweepFigureType.allCases.map { FigureRequest($0) })
        }
    }

    @Test(arguments: ExperimentKind.allCases)
    func everyFigureTypeIsDrawnAndRendersInEveryFormat(kind: ExperimentKind) throws {
        let experiment = try FigureFixtures.experiment(of: kind)
        let types = kind.figureTypeNames
        #expect(!types.isEmpty)
        // The fixture's own spec asks for every type, so the kind's suite checks each of them.
        #expect(Set(types).isSubset(of: experiment.spec.figures.names), "\(experiment.spec.figures.names)")
        let requests = Self.everyType(of: kind)
        let drafts = try FigureFactory.drafts(requests, for: experiment.result)
        #expect(drafts.map(\.name) == types)
        let rendered = try FigureFactory.render(requests, for: experiment.result)
        #expect(rendered.map(\.id) == types.map { "fig-\(experiment.result.experimentID)-\($0)" })
        #expect(rendered.count == drafts.count)
        for (figure, draft) in zip(rendered, drafts) {
            #expect(figure.title == draft.title && !figure.title.isEmpty, "\(figure.id)")
            #expect(figure.caption == draft.caption && figure.caption.count > 80, "\(figure.id): \(figure.caption)")
            #expect(
                figure.widthInches == draft.figure.widthInches && figure.heightInches == draft.figure.heightInches)
            #expect(!draft.figure.panels.isEmpty, "\(figure.id) has no panel")
            try RenderChecks.check(figure, against: draft)
        }
    }

    @Test(arguments: ExperimentKind.allCases)
    func figuresOfOneKindAreNotDrawnFromAnotherKindsResults(kind: ExperimentKind) throws {
        let other = try #require(ExperimentKind.allCases.first { $0 != kind })
        let result = try FigureFixtures.experiment(of: other).result
        let error = #expect(throws: FigureError.self) {
            try FigureFactory.drafts(Self.everyType(of: kind), for: result)
        }
        #expect(
            error?.description
                == "the figures of a \(kind.rawValue) experiment cannot be drawn from \(other.rawValue) results")
    }

    /// The rendering checks fail on a figure drawn without its data (axes, labels and legend
    /// only): they cannot pass on blank output.
    @Test(arguments: ExperimentKind.allCases)
    func renderChecksFailOnAFigureWithoutItsData(kind: ExperimentKind) throws {
        let experiment = try FigureFixtures.experiment(of: kind)
        let draft = try #require(try FigureFactory.drafts(Self.everyType(of: kind), for: experiment.result).first)
        var empty = draft.figure
        empty.panels = empty.panels.map { panel in
            var bare = panel
            bare.layers = []
            return bare
        }
        let output = try FigureExporter.render(empty, title: "empty")
        let rendered = RenderedFigure(
            id: "fig-empty", name: draft.name, title: draft.title, caption: draft.caption,
            widthInches: empty.widthInches, heightInches: empty.heightInches, png: output.png, pdf: output.pdf,
            svg: output.svg, pixelDigest: output.pixelDigest)
        withKnownIssue("the data is missing from every format") {
            try RenderChecks.check(rendered, against: draft)
        }
    }
}
