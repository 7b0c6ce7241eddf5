import Figures
import Plotting
import Results
import Run
import Spec
import Testing

@Suite struct ActivationFiguresTests {
    static func experiment() throws -> (ExperimentSpec, ExperimentResult) {
        let spec = try SpecLoader.parse(
            """
            {"id": "fig", "title": "t", "kind": "activations", "seed": 1,
             "input": {"distribution": "normal", "count": 40, "dimension": 10},
             "network": {"depth": 3, "width": 10, "activation": "relu", "initializer": "he-normal"},
             "variants": [{"label": "He", "initializer": "he-normal"}, {"label": "small", "initializer": {"name": "normal", "std": 0.01}}],
             "histogram": {"bins": 12, "range": [0, 1]}}
            """, file: "fig.json")
        return (spec, try ExperimentRunner.run(spec))
    }

    @Test func histogramGridHasOneRowPerVariantAndSharedEdges() throws {
        let (spec, result) = try Self.experiment()
        let draft = try #require(try FigureFactory.drafts(spec.figures, for: result).first)
        #expect(draft.figure.rows == 2 && draft.figure.columns == 3 && draft.figure.panels.count == 6)
        #expect(draft.figure.rowLabels == ["He", "small"])
        var edges: Set<[Double]> = []
        for panel in draft.figure.panels {
            for case .bars(let panelEdges, let heights, _) in panel.layers {
                edges.insert(panelEdges)
                #expect(heights.allSatisfy { $0 >= 0 && $0 <= 1 })
            }
            // ReLU zeros are counted apart and noted in every panel.
            #expect(panel.notes.contains { $0.hasSuffix("exactly 0") })
        }
        #expect(edges.count == 1 && edges.first?.count == 13)
        #expect(draft.caption.contains("12 bins on [0, 1]"))
    }

    @Test func renderedFiguresCarryStableIdsAndAllFormats() throws {
        let (spec, result) = try Self.experiment()
        let figures = try FigureFactory.render(spec.figures, for: result)
        #expect(figures.map(\.id) == ["fig-fig-histograms", "fig-fig-layer-statistics"])
        for figure in figures {
            #expect(!figure.png.isEmpty && !figure.pdf.isEmpty && !figure.svg.isEmpty && figure.pixelDigest.count == 64)
        }
    }
}
