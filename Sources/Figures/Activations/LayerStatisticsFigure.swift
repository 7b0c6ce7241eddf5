import ExperimentKinds
import Foundation
import Plotting
import Results

/// Per-layer statistics of the activations against depth (Glorot & Bengio 2010, Fig. 2/3
/// style): the standard deviation, and the fraction saturated (bounded activations), exactly zero
/// (ReLU family) or the mean (otherwise).
enum LayerStatisticsFigure {
    static func draft(_ result: ActivationsResult, size: FigureSize?) -> FigureDraft {
        let variants = result.variants
        let (width, height) = (size ?? .column).inches(defaultHeight: 2.1)
        let stds = variants.flatMap { $0.layers.map(\.standardDeviation) }.filter { $0 > 0 && $0.isFinite }
        let logScale = (stds.max() ?? 1) / max(stds.min() ?? 1, 1e-300) > 50
        let secondName: String
        let second: (LayerActivationStatistics) -> Double
        if variants.allSatisfy({ $0.layers.allSatisfy { $0.fractionSaturated != nil } }) {
            secondName = "fraction saturated"
            second = { $0.fractionSaturated ?? .nan }
        } else if variants.allSatisfy({ $0.layers.allSatisfy { $0.fractionZero != nil } }) {
            secondName = "fraction exactly 0"
            second = { $0.fractionZero ?? .nan }
        } else {
            secondName = "mean"
            second = { $0.mean }
        }
        let markers = (variants.map(\.layers.count).max() ?? 0) <= 30
        func series(_ value: @escaping (LayerActivationStatistics) -> Double) -> [PlotLayer] {
            variants.enumerated().map { index, variant in
                .line(
                    LineSeries(
                        x: variant.layers.map { Double($0.layer) }, y: variant.layers.map(value), style: index,
                        width: 1, showMarkers: markers))
            }
        }
        let layerAxis = Axis(label: "layer", integerTicks: true)
        let panels = [
            Panel(
                x: layerAxis, y: Axis(label: "std of activations", scale: logScale ? .log : .linear),
                layers: series(\.standardDeviation)),
            Panel(
                x: layerAxis, y: Axis(label: secondName, range: secondName == "mean" ? nil : 0...1),
                layers: series(second)),
        ]
        let figure = Figure(
            widthInches: width, heightInches: height, rows: 1, columns: 2, panels: panels,
            legend: variants.enumerated().map {
                LegendEntry($1.label, swatch: .line(style: $0, dashed: true, marker: markers))
            })
        let caption =
            "Statistics of each layer's activations over the whole batch (\(result.input)), one line per "
            + "initialization: (a) standard deviation\(logScale ? " (log scale)" : ""), (b) \(secondName)"
            + (secondName == "fraction saturated" ? " (within 1% of the output range of a bound)" : "") + "."
        return FigureDraft(figure: figure, title: "Activation statistics by layer", caption: caption)
    }
}
