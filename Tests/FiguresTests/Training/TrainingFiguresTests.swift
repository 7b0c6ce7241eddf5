import ExperimentKinds
import Figures
import Foundation
import Plotting
import Results
import Testing

/// The six figures of a training experiment, drawn from a real run: three variants (one
/// diverging) trained twice each through ten tanh layers.
@Suite struct TrainingFiguresTests {
    static func training() throws -> (Experiment, TrainingResult) {
        let experiment = try FigureFixtures.training.get()
        guard case .training(let result) = experiment.result.body else {
            throw FixtureError(description: "not a training experiment")
        }
        return (experiment, result)
    }

    static let labels = ["std 0.01", "Glorot", "diverging"]
    /// The eight of ten hidden layers a figure shows (0-based).
    static let shown = [0, 1, 3, 4, 5, 6, 8, 9]

    /// Mean across runs, point by point, over the points every run has.
    static func mean(_ series: [[Double]]) -> [Double] {
        let length = series.map(\.count).min() ?? 0
        return (0..<length).map { index in series.reduce(0) { $0 + $1[index] } / Double(series.count) }
    }

    @Test func theFixtureHasRepeatsADivergingVariantAndVanishingGradients() throws {
        let (_, result) = try Self.training()
        #expect(result.variants.map(\.label) == Self.labels)
        #expect(result.variants.allSatisfy { $0.runs.count == 2 })
        #expect(result.variants[0].runs.allSatisfy { $0.log.divergedAt == nil && $0.log.losses.count == 60 })
        #expect(result.variants[1].runs.allSatisfy { $0.log.divergedAt == nil && $0.log.losses.count == 60 })
        #expect(result.variants[2].runs.allSatisfy { $0.log.divergedAt != nil })
        let small = result.variants[0].initial
        #expect(small.preactivationVariances.count == 10 && small.gradientStandardDeviations.count == 10)
        #expect(small.preactivationVariances.last! < 1e-12 * small.preactivationVariances.first!, "signal vanishes")
    }

    /// Raw losses faint, smoothed bold, a band of ± 1 sd where there are repeats, the chance
    /// level, and a note naming the diverged runs.
    @Test func lossHasBandsForRepeatsChanceLevelAndDivergenceNote() throws {
        let (experiment, result) = try Self.training()
        let draft = try experiment.draft("loss")
        let figure = draft.figure
        #expect(figure.panels.count == 1 && figure.legendLabels == Self.labels && !figure.letters)
        let panel = figure.panels[0]
        #expect(panel.x.range == 0...60 && panel.y.scale == .linear && panel.y.label == "training loss")
        #expect(panel.bands.count == 3, "a band for each variant with repeats")
        #expect(panel.lines.count == 6, "raw and smoothed line per variant")
        for (index, variant) in result.variants.enumerated() {
            let lines = panel.lines.filter { $0.style == index }
            let raw = try #require(lines.first { $0.opacity < 1 })
            let smoothed = try #require(lines.first { $0.opacity == 1 })
            let losses = Self.mean(variant.runs.map { $0.log.losses.map(Double.init) })
            #expect(raw.y == losses && raw.width < smoothed.width)
            #expect(raw.x == (0..<losses.count).map(Double.init) && smoothed.x == raw.x)
            let band = try #require(panel.bands.first { $0.style == index })
            #expect(band.x == raw.x && band.lower.count == raw.x.count && band.upper.count == raw.x.count)
            // The band surrounds the smoothed mean, and a loss band never goes below 0.
            for point in band.x.indices {
                #expect(band.lower[point] >= 0 && band.lower[point] <= smoothed.y[point] + 1e-12)
                #expect(band.upper[point] >= smoothed.y[point] - 1e-12)
            }
            if index < 2 {
                #expect(zip(band.lower, band.upper).contains { $1 - $0 > 1e-6 }, "two seeds differ")
                #expect(smoothed.y.count == 60 && smoothed.y != raw.y, "smoothing changes the curve")
            }
        }
        let chance = try #require(panel.references.first)
        #expect(chance.orientation == .horizontal && abs(chance.value - log(3)) < 1e-12)
        #expect(chance.label == "ln 3 (chance)")
        let first = try #require(result.variants[2].runs.compactMap(\.log.divergedAt).min())
        #expect(panel.notes == ["diverging: 2 run(s) diverged (first at \(first))"])
        for fact in [
            "2 repeats per variant (mean; band: ± 1 sd across repeats)", "Kaiser window of 11 iterations",
            "ln 3, the loss of a uniform guess", "300 training and 90 test samples",
        ] {
            #expect(draft.caption.contains(fact), "caption lacks \"\(fact)\": \(draft.caption)")
        }
        #expect(try figure.drawnNotes().contains { $0.hasPrefix("diverging: 2 run(s) diverged") })
    }

    @Test func logLossAxisWhenAsked() throws {
        let (experiment, _) = try Self.training()
        let logarithmic = try experiment.draft("log-loss").figure.panels[0]
        #expect(logarithmic.y.scale == .log)
        #expect(logarithmic.lines.allSatisfy { $0.y.allSatisfy { $0 > 0 } }, "a loss is positive: all of it is drawn")
    }

    /// A single run per variant has nothing to draw a band from, and the caption says so.
    @Test func oneRunPerVariantHasNoBands() throws {
        let (_, result) = try Self.training()
        let single = TrainingResult(
            dataSummary: result.dataSummary, classCount: result.classCount, iterations: result.iterations,
            evaluationTrainSamples: result.evaluationTrainSamples, activationEdges: result.activationEdges,
            gradientEdges: result.gradientEdges,
            variants: result.variants.map {
                .init(key: $0.key, label: $0.label, runs: Array($0.runs.prefix(1)), initial: $0.initial)
            })
        let drafts = try FigureFactory.drafts(
            .training([.init(.loss), .init(.accuracy)]),
            for: ExperimentResult(experimentID: "single", seed: 1, body: .training(single)))
        #expect(drafts.count == 2)
        for draft in drafts {
            #expect(draft.figure.panels.allSatisfy { $0.bands.isEmpty }, "\(draft.name)")
            #expect(
                draft.caption.contains("one run per variant") && !draft.caption.contains("band"), "\(draft.caption)")
        }
    }

    /// Accuracy on the evaluation subset of the training data and on the test split, mean and
    /// band over the repeats that did not diverge; the diverged variant has no curve and the
    /// caption says diverged runs are left out.
    @Test func accuracyPanelsLeaveDivergedRunsOut() throws {
        let (experiment, result) = try Self.training()
        let draft = try experiment.draft("accuracy")
        let figure = draft.figure
        #expect(figure.panels.map(\.title) == ["training samples", "test samples"] && figure.shareY == .all)
        #expect(figure.legendLabels == Self.labels)
        let accuracies: [(TrainingLog.Evaluation) -> Double] = [{ $0.trainAccuracy }, { $0.testAccuracy }]
        for (panel, accuracy) in zip(figure.panels, accuracies) {
            #expect(panel.y.range == 0...1 && panel.x.range == 0...60)
            #expect(panel.lines.map(\.style) == [0, 1] && panel.bands.map(\.style) == [0, 1])
            for (index, line) in panel.lines.enumerated() {
                let runs = result.variants[index].runs
                #expect(line.x == runs[0].log.evaluations.map { Double($0.iteration) })
                // At 0, 20 and 40, at the last step (59) and after it (60).
                #expect(line.x == [0, 20, 40, 59, 60] && line.showMarkers)
                #expect(line.y == Self.mean(runs.map { $0.log.evaluations.map(accuracy) }))
                #expect(line.y.allSatisfy { $0 >= 0 && $0 <= 1 })
            }
        }
        #expect(result.variants[1].runs[0].log.evaluations.last!.testAccuracy > 0.6, "Glorot learns the blobs")
        #expect(
            draft.caption.contains("the first 120 training samples")
                && draft.caption.contains("diverged runs are left out"))
    }

    /// Mean, std and 98th percentile of eight of the ten layers on the probe batch, a row per
    /// variant, a legend entry per layer; the diverged variant's row is empty.
    @Test func layerStatisticsShowEightLayersPerQuantity() throws {
        let (experiment, result) = try Self.training()
        let draft = try experiment.draft("layer-statistics")
        let figure = draft.figure
        #expect(figure.rows == 3 && figure.columns == 3 && figure.panels.count == 9)
        #expect(figure.rowLabels == Self.labels)
        #expect(figure.panels.prefix(3).map(\.title) == ["mean", "standard deviation", "98th percentile"])
        #expect(figure.panels.dropFirst(3).allSatisfy { $0.title == nil })
        #expect(figure.legendLabels == Self.shown.map { "layer \($0 + 1)" })
        let quantities: [(TrainingLog.Snapshot) -> [Double]] = [
            { $0.activationMean }, { $0.activationStd }, { $0.activation98thPercentile },
        ]
        for row in 0..<2 {
            let runs = result.variants[row].runs
            for (column, quantity) in quantities.enumerated() {
                let panel = figure.panels[row * 3 + column]
                #expect(panel.lines.count == 8, "row \(row), column \(column)")
                for (position, line) in panel.lines.enumerated() {
                    #expect(line.style == position)
                    #expect(line.x == runs[0].log.snapshots.map { Double($0.iteration) } && line.x.count == 4)
                    #expect(
                        line.y == Self.mean(runs.map { $0.log.snapshots.map { quantity($0)[Self.shown[position]] } }))
                }
            }
        }
        #expect(figure.panels.suffix(3).allSatisfy { $0.lines.isEmpty })
        #expect(draft.caption.contains("8 of 10 layers shown, evenly spaced"))
        #expect(draft.caption.contains("averaged over the repeats that did not diverge"))
    }

    /// Histograms at initialization: every panel on the same edges, heights as fractions of
    /// the layer's values, a note for values outside the edges.
    @Test(arguments: [("gradient-histograms", true), ("activation-histograms", false)])
    func histogramsAtInitializationShareTheirEdges(name: String, gradients: Bool) throws {
        let (experiment, result) = try Self.training()
        let draft = try experiment.draft(name)
        let figure = draft.figure
        let edges = gradients ? result.gradientEdges : result.activationEdges
        #expect(edges.count == 21 && edges == edges.sorted())
        #expect(figure.rows == 3 && figure.columns == 8 && figure.panels.count == 24)
        #expect(figure.shareX == .all && figure.shareY == .all && figure.rowLabels == Self.labels)
        #expect(figure.panels.prefix(8).map(\.title) == Self.shown.map { "layer \($0 + 1)" })
        for (index, panel) in figure.panels.enumerated() {
            let initial = result.variants[index / 8].initial
            let layer = Self.shown[index % 8]
            let counts = (gradients ? initial.gradientHistograms : initial.activationHistograms)[layer]
            let outside = (gradients ? initial.gradientsOutside : initial.activationsOutside)[layer]
            let bar = try #require(panel.bars.first)
            #expect(panel.bars.count == 1 && bar.edges == edges && bar.style == index / 8)
            let total = Double(counts.reduce(0, +) + outside)
            #expect(total == 50 * 12, "every value of the probe batch is counted")
            #expect(bar.heights == counts.map { Double($0) / total })
            #expect(panel.notes == (outside > 0 ? ["\(outside) outside"] : []))
        }
        #expect(
            draft.caption.contains("20 bins shared by every panel") && draft.caption.contains("8 of 10 layers shown"))
        #expect(draft.caption.contains(gradients ? "figure 7" : "figure 6"))
        #expect(draft.figure.xLabel == (gradients ? "back-propagated gradient dL/dH" : "activation value"))
    }

    /// log2 of the variance falls linearly where the signal vanishes; the gradient std spans
    /// decades, so its axis is logarithmic.
    @Test func varianceByDepthUsesLog2AndALogGradientAxis() throws {
        let (experiment, result) = try Self.training()
        let draft = try experiment.draft("variance-by-depth")
        let figure = draft.figure
        #expect(figure.panels.count == 2 && figure.legendLabels == Self.labels)
        let (variance, gradient) = (figure.panels[0], figure.panels[1])
        #expect(variance.y.scale == .linear && variance.y.label == "log\u{2082} Var(H)")
        #expect(gradient.y.scale == .log && gradient.y.label == "std of dL/dH")
        for (index, variant) in result.variants.enumerated() {
            #expect(variance.lines[index].x == (1...10).map(Double.init))
            #expect(variance.lines[index].y == variant.initial.preactivationVariances.map { log2($0) })
            #expect(gradient.lines[index].y == variant.initial.gradientStandardDeviations)
        }
        let stds = result.variants[0].initial.gradientStandardDeviations
        #expect(stds.allSatisfy { $0 > 0 } && stds.max()! / stds.min()! > 1e3, "\(stds)")
        #expect(draft.caption.contains("log\u{2082} of the variance of each layer's affine output H"))
    }
}
