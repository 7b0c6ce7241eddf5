import ExperimentKinds
import Figures
import Foundation
import Plotting
import Results
import Testing

/// The histograms and layer statistics of "activations" experiments, as a reviewer reads them.
@Suite struct ActivationsFiguresTests {
    static func activations(_ experiment: Experiment) throws -> ActivationsResult {
        guard case .activations(let result) = experiment.result.body else {
            throw FixtureError(description: "\(experiment.spec.id) is not an activations experiment")
        }
        return result
    }

    /// Ten layers are too many for a row: eight evenly spaced ones are shown, first and last
    /// included, one row per variant, every panel on the same bin edges.
    @Test func histogramGridShowsEightOfTenLayersOnSharedEdges() throws {
        let experiment = try FigureFixtures.reluActivations.get()
        let result = try Self.activations(experiment)
        let figure = try experiment.draft("histograms").figure
        let shown = [1, 2, 4, 5, 6, 7, 9, 10]
        #expect(figure.rows == 2 && figure.columns == 8 && figure.panels.count == 16)
        #expect(figure.rowLabels == ["He", "std 0.01"])
        #expect(figure.panels.prefix(8).map(\.title) == shown.map { "layer \($0)" })
        #expect(figure.panels.dropFirst(8).allSatisfy { $0.title == nil })
        #expect(figure.shareX == .all && figure.shareY == .line)
        #expect(figure.xLabel == "activation value" && figure.yLabel == "fraction of values")
        #expect(
            result.histogramEdges.count == 13 && result.histogramEdges.first == 0 && result.histogramEdges.last == 1)
        for (index, panel) in figure.panels.enumerated() {
            let layer = result.variants[index / 8].layers[shown[index % 8] - 1]
            #expect(layer.layer == shown[index % 8])
            let bars = panel.bars
            #expect(bars.count == 1, "panel \(index)")
            guard let bar = bars.first else { continue }
            #expect(bar.edges == result.histogramEdges, "panel \(index): its own bin edges")
            #expect(bar.style == index / 8, "one colour per variant")
            // Heights are fractions of all the layer's values; zeros and values out of range
            // are counted apart and named in the panel's notes.
            let total = Double(layer.valueCount)
            #expect(layer.valueCount == 40 * 20)
            #expect(bar.heights == layer.histogram.map { Double($0) / total }, "panel \(index)")
            #expect(panel.notes.contains { $0.hasSuffix("exactly 0") } == (layer.separatedZeros > 0))
            #expect(panel.notes.contains { $0.hasSuffix(" out") } == (layer.belowRange + layer.aboveRange > 0))
            #expect(!panel.notes.contains { $0.contains("NaN") })
        }
        // ReLU zeros are in every panel; He's values reach past 1, std 0.01's never do.
        #expect(figure.panels.allSatisfy { $0.notes.contains { $0.hasSuffix("exactly 0") } })
        #expect(figure.panels.prefix(8).contains { $0.notes.contains { $0.hasSuffix(" out") } })
        #expect(!figure.panels.dropFirst(8).contains { $0.notes.contains { $0.hasSuffix(" out") } })
    }

    @Test func histogramCaptionStatesBinsLayersAndWhatIsLeftOut() throws {
        let draft = try FigureFixtures.reluActivations.get().draft("histograms")
        #expect(draft.title == "Per-layer activation histograms")
        for fact in [
            "8 of 10 layers, evenly spaced", "12 bins on [0, 1], the same edges in every panel",
            "fraction of the 800 values of a layer", "10 ReLU layers of 20 units",
            "exact zeros of ReLU units, which are counted apart",
        ] {
            #expect(draft.caption.contains(fact), "caption lacks \"\(fact)\": \(draft.caption)")
        }
        let drawn = try draft.figure.recorded().texts.map(\.string)
        for text in ["He", "std 0.01", "layer 10", "activation value"] {
            #expect(drawn.contains(text), "\(text) is not drawn")
        }
    }

    /// The std of the std-0.01 network vanishes by orders of magnitude: a log axis, said in
    /// the caption; ReLU's second panel is its fraction of exact zeros.
    @Test func layerStatisticsUseALogAxisWhereActivationsVanish() throws {
        let experiment = try FigureFixtures.reluActivations.get()
        let result = try Self.activations(experiment)
        let draft = try experiment.draft("layer-statistics")
        let figure = draft.figure
        #expect(figure.panels.count == 2 && figure.columns == 2)
        #expect(figure.legendLabels == ["He", "std 0.01"])
        let stds = figure.panels[0]
        #expect(stds.y.scale == .log && stds.y.label == "std of activations")
        #expect(
            draft.caption.contains("(a) standard deviation (log scale), (b) fraction exactly 0"), "\(draft.caption)")
        let smallest = result.variants[1].layers.last!.standardDeviation
        #expect(smallest > 0 && smallest < 1e-6 * result.variants[0].layers.last!.standardDeviation)
        let zeros = figure.panels[1]
        #expect(zeros.y.label == "fraction exactly 0" && zeros.y.range == 0...1 && zeros.y.scale == .linear)
        for (panel, value) in [
            (stds, { (layer: LayerActivationStatistics) in layer.standardDeviation }),
            (zeros, { (layer: LayerActivationStatistics) in layer.fractionZero ?? .nan }),
        ] {
            #expect(panel.lines.count == 2, "one line per variant")
            for (index, line) in panel.lines.enumerated() {
                #expect(line.style == index && line.showMarkers)
                #expect(line.x == (1...10).map(Double.init))
                #expect(line.y == result.variants[index].layers.map(value))
            }
        }
        // Each legend entry is drawn like its curve: the same style, dashed, with markers.
        for (index, entry) in figure.legend.enumerated() {
            guard case .line(let style, _, let dashed, let marker) = entry.swatch else {
                Issue.record("legend entry \(index) is not a line")
                continue
            }
            #expect(style == index && dashed == stds.lines[index].dashed && marker)
        }
    }

    /// Sigmoid: the second panel is the saturated fraction; pre-activations are histogrammed
    /// when asked; the request's size and caption are used.
    @Test func saturationPreactivationsAndTheRequestsSizeAndCaption() throws {
        let experiment = try FigureFixtures.sigmoidActivations.get()
        let result = try Self.activations(experiment)
        let histograms = try experiment.draft("histograms")
        #expect(histograms.caption == "A caption of our own.")
        #expect(histograms.title == "Per-layer pre-activation histograms")
        #expect(histograms.figure.widthInches == 3.4 && histograms.figure.columns == 4)
        #expect(histograms.figure.xLabel == "pre-activation value")
        #expect(histograms.figure.panels.prefix(4).map(\.title) == (1...4).map { "layer \($0)" })
        let statistics = try experiment.draft("layer-statistics")
        #expect(statistics.figure.widthInches == 4 && statistics.figure.heightInches == 2)
        #expect(statistics.figure.panels[0].y.scale == .linear && !statistics.caption.contains("log scale"))
        let saturated = statistics.figure.panels[1]
        #expect(saturated.y.label == "fraction saturated" && saturated.y.range == 0...1)
        #expect(statistics.caption.contains("(b) fraction saturated (within 1% of the output range of a bound)"))
        #expect(saturated.lines.map(\.y) == result.variants.map { $0.layers.map { $0.fractionSaturated ?? .nan } })
        #expect(result.variants[0].layers.allSatisfy { ($0.fractionSaturated ?? 0) > 0.3 }, "std 1 saturates")
        #expect(result.variants[1].layers.allSatisfy { ($0.fractionSaturated ?? 1) < 0.05 }, "Xavier does not")
        // The default caption names neither zeros nor a layer selection.
        let defaultCaption = try FigureFactory.drafts(
            .activations([.init(.histograms)]), for: experiment.result)[0].caption
        #expect(defaultCaption.contains("10 bins on [0, 1]") && !defaultCaption.contains("exact zeros"))
        #expect(!defaultCaption.contains("evenly spaced"))
        for draft in try experiment.drafts() {
            let rendered = try FigureFactory.render(
                .activations(experiment.spec.figures.activationRequests.filter { $0.name == draft.name }),
                for: experiment.result)
            #expect(rendered.count == 1)
            for figure in rendered { try RenderChecks.check(figure, against: draft) }
        }
    }

    /// Weights of std 1e12 overflow single precision: each panel says how many values are not
    /// finite, and the statistics figure says how many points it could not draw.
    @Test func nonFiniteValuesAreNotedNotDrawn() throws {
        let experiment = try FigureFixtures.overflowingActivations.get()
        let result = try Self.activations(experiment)
        let overflowing = result.variants[1].layers.filter { $0.nonFinite > 0 }
        #expect(!overflowing.isEmpty, "the fixture no longer overflows: \(result.variants[1].layers.map(\.maximum))")
        let histograms = try experiment.draft("histograms").figure
        for (index, panel) in histograms.panels.enumerated() {
            let layer = result.variants[index / histograms.columns].layers[index % histograms.columns]
            #expect(panel.notes.contains { $0.hasSuffix("NaN/inf") } == (layer.nonFinite > 0), "panel \(index)")
        }
        let statistics = try experiment.draft("layer-statistics")
        // Identity is neither bounded nor ReLU: the second panel is the mean.
        #expect(statistics.figure.panels[1].y.label == "mean" && statistics.figure.panels[1].y.range == nil)
        #expect(statistics.caption.contains("(b) mean."))
        let notes = try statistics.figure.drawnNotes()
        #expect(notes.contains { $0.contains("points not shown") }, "drawn notes: \(notes)")
        for draft in try experiment.drafts() {
            let rendered = try FigureFactory.render(
                .activations(experiment.spec.figures.activationRequests.filter { $0.name == draft.name }),
                for: experiment.result)
            for figure in rendered { try RenderChecks.check(figure, against: draft) }
        }
    }
}

extension FigureRequests {
    /// The requests of an activations experiment (none for another kind).
    var activationRequests: [FigureRequest<ActivationsFigureType>] {
        guard case .activations(let requests) = self else { return [] }
        return requests
    }
}
