import Figures
import Foundation
import Plotting
import Testing

/// Figures of specs that validation accepts and that the fuzz run found trapping: variants of
/// different depths, and a correlation-depth section shallower than its asymptote's start.
@Suite struct FuzzFoundFigureTests {
    /// A 2-layer variant beside a 10-layer network: every training figure is drawn, the
    /// shallower variant without the layers it does not have.
    @Test func trainingVariantsOfDifferentDepthsAreDrawn() throws {
        let experiment = try FigureFixtures.run(
            """
            {"id": "depths", "title": "depths", "kind": "training", "seed": 4,
             "data": {"name": "synthetic", "classes": 3, "dimension": 6, "train_size": 60, "test_size": 30},
             "network": {"depth": 10, "width": 6, "activation": "tanh", "initializer": "glorot-normal"},
             "training": {"iterations": 6, "batch_size": 10, "statistics_every": 2, "evaluation_every": 2,
                          "probe_size": 10, "evaluation_train_size": 30, "histogram_bins": 8},
             "variants": [{"label": "deep", "key": "deep"}, {"label": "shallow", "key": "shallow", "depth": 2}],
             "figures": [{"type": "layer-statistics"}, {"type": "gradient-histograms"}, {"type": "activation-histograms"},
                         {"type": "variance-by-depth"}]}
            """
        ).get()
        let drafts = try experiment.drafts()
        #expect(drafts.count == 4)
        let statistics = try experiment.draft("layer-statistics").figure
        #expect(statistics.panels[0].lines.count == 8 && statistics.panels[3].lines.count == 2)
        let histograms = try experiment.draft("activation-histograms").figure
        #expect(histograms.columns == 8 && histograms.panels.count == 16)
        #expect(histograms.panels[8].bars.count == 1 && histograms.panels[9].bars.count == 1)
        #expect(
            histograms.panels[10...].allSatisfy { $0.bars.isEmpty && $0.notes.first?.hasPrefix("no layer") == true })
        for draft in drafts { #expect(!(try FigureExporter.render(draft.figure, title: draft.title)).png.isEmpty) }
    }

    /// Depth 2 to 9: the ReLU 1/l^2 asymptote is drawn from l = 10, so here it is left out.
    @Test(arguments: [2, 5, 9])
    func shallowCorrelationDepthIsDrawn(depth: Int) throws {
        let experiment = try FigureFixtures.run(
            """
            {"id": "shallow", "title": "shallow", "kind": "meanfield", "seed": 1,
             "correlation_depth": {"activations": ["relu", "tanh"], "sigma_b2": [0.04], "c0": 0.5, "depth": \(depth)},
             "figures": [{"type": "correlation-depth"}]}
            """
        ).get()
        let figure = try experiment.draft("correlation-depth").figure
        #expect(figure.panels.first.map { $0.lines.count >= 2 } == true)
        #expect(!(try FigureExporter.render(figure, title: "correlation")).png.isEmpty)
    }
}
