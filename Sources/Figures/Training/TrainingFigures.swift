import ExperimentKinds
import Foundation
import Plotting
import Results

/// The figures of a training experiment.
enum TrainingFigures {
    static func draft(_ request: FigureRequest<TrainingFigureType>, _ result: TrainingResult) -> FigureDraft {
        switch request.type {
        case .loss: loss(result, request: request)
        case .accuracy: accuracy(result, request: request)
        case .layerStatistics: layerStatistics(result, request: request)
        case .gradientHistograms: initialHistograms(result, request: request, gradients: true)
        case .activationHistograms: initialHistograms(result, request: request, gradients: false)
        case .varianceByDepth: varianceByDepth(result, request: request)
        }
    }

    static func repeatsText(_ result: TrainingResult) -> String {
        let repeats = result.variants.first?.runs.count ?? 1
        return repeats == 1
            ? "one run per variant" : "\(repeats) repeats per variant (mean; band: ± 1 sd across repeats)"
    }

    /// One entry per variant, drawn like the figure's curves (dashed by style; `markers` when
    /// the curves carry them).
    static func legend(_ result: TrainingResult, markers: Bool = false) -> [LegendEntry] {
        result.variants.enumerated().map {
            LegendEntry($1.label, swatch: .line(style: $0, dashed: true, marker: markers))
        }
    }

    /// Training loss per iteration: the mean over repeats raw (thin, faint) and smoothed like
    /// the textbook (bold), with a band of ± 1 sd of the smoothed per-repeat curves.
    static func loss(_ result: TrainingResult, request: FigureRequest<TrainingFigureType>) -> FigureDraft {
        var layers: [PlotLayer] = []
        var notes: [String] = []
        for (index, variant) in result.variants.enumerated() {
            let raw = variant.runs.map { $0.log.losses.map(Double.init) }
            let rawStatistics = SeriesStatistics(raw)
            let smoothed = SeriesStatistics(raw.map(Smoothing.textbook))
            let x = (0..<rawStatistics.mean.count).map(Double.init)
            if variant.runs.count > 1 {
                // A loss is never negative: the band is cut at 0.
                layers.append(
                    .band(x: x, lower: smoothed.lower.map { max($0, 0) }, upper: smoothed.upper, style: index))
            }
            layers.append(
                .line(LineSeries(x: x, y: rawStatistics.mean, style: index, width: 0.4, opacity: 0.3, dashed: false)))
            layers.append(.line(LineSeries(x: x, y: smoothed.mean, style: index, width: 1.3)))
            let diverged = variant.runs.compactMap(\.log.divergedAt)
            if !diverged.isEmpty {
                notes.append("\(variant.label): \(diverged.count) run(s) diverged (first at \(diverged.min()!))")
            }
        }
        let chance = log(Double(result.classCount))
        layers.append(.reference(ReferenceLine(.horizontal, at: chance, label: "ln \(result.classCount) (chance)")))
        let (width, height) = (request.size ?? .oneAndHalf).inches(defaultHeight: 2.8)
        let figure = Figure(
            widthInches: width, heightInches: height,
            panels: [
                Panel(
                    x: Axis(label: "iteration", range: 0...Double(result.iterations)),
                    y: Axis(label: "training loss", scale: request.logY ? .log : .linear), layers: layers, notes: notes)
            ], legend: legend(result), letters: false)
        let caption =
            "Mini-batch training loss against iteration, \(repeatsText(result)). Thin faint lines: raw losses; bold lines: "
            + "the same smoothed as in the textbook (Kaiser window of 11 iterations, beta 2); dashed grey: ln \(result.classCount), the loss of a "
            + "uniform guess. \(result.dataSummary)."
        return FigureDraft(figure: figure, title: "Training loss", caption: caption)
    }

    /// Training and test accuracy at the evaluation points.
    static func accuracy(_ result: TrainingResult, request: FigureRequest<TrainingFigureType>) -> FigureDraft {
        func panel(_ title: String, _ value: @escaping (TrainingLog.Evaluation) -> Double) -> Panel {
            var layers: [PlotLayer] = []
            for (index, variant) in result.variants.enumerated() {
                let runs = variant.runs.filter { $0.log.divergedAt == nil }
                guard let first = runs.first else { continue }
                let x = first.log.evaluations.map { Double($0.iteration) }
                let statistics = SeriesStatistics(runs.map { $0.log.evaluations.map(value) })
                if runs.count > 1 {
                    layers.append(.band(x: x, lower: statistics.lower, upper: statistics.upper, style: index))
                }
                layers.append(
                    .line(LineSeries(x: x, y: statistics.mean, style: index, width: 1, showMarkers: x.count <= 30)))
            }
            return Panel(
                title: title, x: Axis(label: "iteration", range: 0...Double(result.iterations)),
                y: Axis(label: "accuracy", range: 0...1), layers: layers)
        }
        let (width, height) = (request.size ?? .wide).inches(defaultHeight: 2.5)
        let figure = Figure(
            widthInches: width, heightInches: height, rows: 1, columns: 2,
            panels: [panel("training samples", { $0.trainAccuracy }), panel("test samples", { $0.testAccuracy })],
            shareY: .all,
            legend: legend(result, markers: (result.variants.first?.runs.first?.log.evaluations.count ?? 0) <= 30))
        let caption =
            "Classification accuracy during training on (a) the first \(CaptionFormat.integer(result.evaluationTrainSamples)) training samples and (b) the test split, \(repeatsText(result)); diverged runs are left out."
        return FigureDraft(figure: figure, title: "Accuracy", caption: caption)
    }

    /// Per-layer activation statistics on the probe batch during training (Glorot & Bengio
    /// 2010, figures 2-4): mean, standard deviation and 98th percentile, one row per variant.
    static func layerStatistics(_ result: TrainingResult, request: FigureRequest<TrainingFigureType>) -> FigureDraft {
        let depth = result.variants.map(\.initial.preactivationVariances.count).max() ?? 0
        let shown = LayerSelection.pick(depth: depth)
        let snapshots = result.variants.first?.runs.first?.log.snapshots.count ?? 0
        var panels: [Panel] = []
        let quantities: [(String, (TrainingLog.Snapshot) -> [Double])] = [
            ("mean", { $0.activationMean }), ("standard deviation", { $0.activationStd }),
            ("98th percentile", { $0.activation98thPercentile }),
        ]
        for (row, variant) in result.variants.enumerated() {
            let runs = variant.runs.filter { $0.log.divergedAt == nil }
            for (name, quantity) in quantities {
                var layers: [PlotLayer] = []
                if let first = runs.first {
                    let x = first.log.snapshots.map { Double($0.iteration) }
                    // Variants may differ in depth: a shallower one draws the shown layers it has.
                    let layerCount = first.log.snapshots.first.map { quantity($0).count } ?? 0
                    for (position, layer) in shown.enumerated() where layer < layerCount {
                        let statistics = SeriesStatistics(
                            runs.map { run in run.log.snapshots.map { quantity($0)[layer] } })
                        layers.append(
                            .line(
                                LineSeries(
                                    x: x, y: statistics.mean, style: position, width: 0.9, showMarkers: x.count <= 25)))
                    }
                }
                panels.append(Panel(title: row == 0 ? name : nil, x: Axis(), y: Axis(), layers: layers))
            }
        }
        let (width, height) = (request.size ?? .wide).inches(defaultHeight: 0.7 + 1.25 * Double(result.variants.count))
        let figure = Figure(
            widthInches: width, heightInches: height, rows: result.variants.count, columns: 3, panels: panels,
            rowLabels: result.variants.map(\.label), xLabel: "iteration", yLabel: "activation value",
            shareX: .all, shareY: .none,
            legend: shown.enumerated().map {
                LegendEntry("layer \($1 + 1)", swatch: .line(style: $0, dashed: true, marker: snapshots <= 25))
            })
        let caption =
            "Statistics of each hidden layer's activations on a fixed probe batch during training (after Glorot & Bengio 2010, figures 2-4), "
            + "one row per variant, averaged over the repeats that did not diverge"
            + (shown.count < depth ? "; \(shown.count) of \(depth) layers shown, evenly spaced." : ".")
        return FigureDraft(figure: figure, title: "Activation statistics during training", caption: caption)
    }

    /// Histograms at initialization of the activations or of the back-propagated gradients
    /// (Glorot & Bengio 2010, figures 6 and 7), one row per variant, one column per layer.
    static func initialHistograms(_ result: TrainingResult, request: FigureRequest<TrainingFigureType>, gradients: Bool)
        -> FigureDraft
    {
        let depth = result.variants.map(\.initial.preactivationVariances.count).max() ?? 0
        let shown = LayerSelection.pick(depth: depth)
        let edges = gradients ? result.gradientEdges : result.activationEdges
        var panels: [Panel] = []
        for (row, variant) in result.variants.enumerated() {
            let histograms = gradients ? variant.initial.gradientHistograms : variant.initial.activationHistograms
            let outside = gradients ? variant.initial.gradientsOutside : variant.initial.activationsOutside
            for layer in shown {
                // A variant shallower than the deepest one leaves its missing layers' panels empty.
                guard layer < histograms.count, layer < outside.count else {
                    panels.append(
                        Panel(
                            title: row == 0 ? "layer \(layer + 1)" : nil, layers: [], notes: ["no layer \(layer + 1)"]))
                    continue
                }
                let counts = histograms[layer]
                let total = Double(max(counts.reduce(0, +) + outside[layer], 1))
                panels.append(
                    Panel(
                        title: row == 0 ? "layer \(layer + 1)" : nil,
                        layers: [.bars(edges: edges, heights: counts.map { Double($0) / total }, style: row)],
                        notes: outside[layer] > 0 ? ["\(outside[layer]) outside"] : []))
            }
        }
        let (width, height) = (request.size ?? .wide).inches(defaultHeight: 0.6 + 1.05 * Double(result.variants.count))
        let quantity = gradients ? "back-propagated gradient dL/dH" : "activation value"
        let figure = Figure(
            widthInches: width, heightInches: height, rows: result.variants.count, columns: shown.count, panels: panels,
            rowLabels: result.variants.map(\.label), xLabel: quantity, yLabel: "fraction of values",
            shareX: .all, shareY: .all)
        let caption =
            "Histograms at initialization of each hidden layer's \(gradients ? "back-propagated gradients (dL/dH, the gradient of the loss at the layer's affine output)" : "activations"), "
            + "on the probe batch, one row per variant (repeat 0), \(edges.count - 1) bins shared by every panel"
            + (gradients ? " (after Glorot & Bengio 2010, figure 7)" : " (after Glorot & Bengio 2010, figure 6)")
            + (shown.count < depth ? "; \(shown.count) of \(depth) layers shown." : ".")
        return FigureDraft(
            figure: figure,
            title: gradients ? "Back-propagated gradients at initialization" : "Activations at initialization",
            caption: caption)
    }

    /// log2 of each layer's output variance and the gradient's std at initialization against
    /// depth (He et al. 2015, figure 2 analog).
    static func varianceByDepth(_ result: TrainingResult, request: FigureRequest<TrainingFigureType>) -> FigureDraft {
        var variance: [PlotLayer] = []
        var gradient: [PlotLayer] = []
        for (index, variant) in result.variants.enumerated() {
            let layers = variant.initial.preactivationVariances.indices.map { Double($0 + 1) }
            let markers = layers.count <= 30
            variance.append(
                .line(
                    LineSeries(
                        x: layers, y: variant.initial.preactivationVariances.map { log2($0) }, style: index, width: 1,
                        showMarkers: markers)))
            gradient.append(
                .line(
                    LineSeries(
                        x: layers, y: variant.initial.gradientStandardDeviations, style: index, width: 1,
                        showMarkers: markers)))
        }
        let (width, height) = (request.size ?? .wide).inches(defaultHeight: 2.4)
        let figure = Figure(
            widthInches: width, heightInches: height, rows: 1, columns: 2,
            panels: [
                Panel(
                    x: Axis(label: "layer", integerTicks: true), y: Axis(label: "log\u{2082} Var(H)"), layers: variance),
                Panel(
                    x: Axis(label: "layer", integerTicks: true), y: Axis(label: "std of dL/dH", scale: .log),
                    layers: gradient),
            ], legend: legend(result, markers: (result.variants.first?.initial.preactivationVariances.count ?? 0) <= 30)
        )
        let caption =
            "At initialization, on the probe batch (repeat 0): (a) log\u{2082} of the variance of each layer's affine output H "
            + "(a slope of −1 per layer means the signal halves at every layer); (b) the standard deviation of the back-propagated gradient dL/dH."
        return FigureDraft(
            figure: figure, title: "Signal and gradient scale by depth at initialization", caption: caption)
    }
}
