import ExperimentKinds
import Foundation
import Plotting
import Results

/// Small multiples of per-layer activation histograms: one row per variant, one column per
/// layer, one set of bin edges for every panel (Deep Learning from Scratch 6.2; Glorot & Bengio).
enum ActivationHistogramFigure {
    static func draft(_ result: ActivationsResult, size: FigureSize?) -> FigureDraft {
        let variants = result.variants
        let depth = variants.map(\.layers.count).max() ?? 0
        // A deep network shows at most eight evenly spaced layers, first and last included.
        let shown = LayerSelection.pick(depth: depth)
        let (width, height) = (size ?? .wide).inches(defaultHeight: 0.55 + 1.05 * Double(variants.count))
        let edges = result.histogramEdges
        let range = "[\(CaptionFormat.number(edges.first ?? 0)), \(CaptionFormat.number(edges.last ?? 1))]"
        var panels: [Panel] = []
        for (row, variant) in variants.enumerated() {
            for layer in shown.map({ variant.layers[min($0, variant.layers.count - 1)] }) {
                let total = Double(max(layer.valueCount, 1))
                let fractions = layer.histogram.map { Double($0) / total }
                var notes: [String] = []
                if layer.separatedZeros > 0 { notes.append("\(percent(layer.separatedZeros, of: total)) exactly 0") }
                let outside = layer.belowRange + layer.aboveRange
                if outside > 0 { notes.append("\(percent(outside, of: total)) out") }
                if layer.nonFinite > 0 { notes.append("\(percent(layer.nonFinite, of: total)) NaN/inf") }
                panels.append(
                    Panel(
                        title: row == 0 ? "layer \(layer.layer)" : nil,
                        x: Axis(), y: Axis(),
                        layers: [.bars(edges: edges, heights: fractions, style: row)],
                        notes: notes))
            }
        }
        let values: String
        switch result.histogramValues {
        case .activation: values = "activation"
        case .preactivation: values = "pre-activation"
        }
        let figure = Figure(
            widthInches: width, heightInches: height, rows: variants.count, columns: shown.count, panels: panels,
            rowLabels: variants.map(\.label), xLabel: "\(values) value", yLabel: "fraction of values",
            shareX: .all, shareY: .line)
        let activation = variants.map(\.activation).uniqued.joined(separator: "/")
        let widths =
            variants.first.map { "\($0.widths.count) \(activation) layers of \($0.widths.first ?? 0) units" } ?? ""
        let caption =
            "Histograms of each layer's \(values)s (columns"
            + (shown.count < depth ? "; \(shown.count) of \(depth) layers, evenly spaced" : "")
            + ") for each initialization (rows): "
            + "\(result.input) through \(widths). "
            + "\(edges.count - 1) bins on \(range), the same edges in every panel; the height is the fraction of the "
            + "\(CaptionFormat.integer(result.inputCount * (variants.first?.widths.first ?? 0))) values of a layer in each bin. "
            + "Values outside \(range) are not drawn; a panel's note gives their share (“out”)"
            + (variants.contains { $0.layers.contains { $0.separatedZeros > 0 } }
                ? ", as it does for the exact zeros of ReLU units, which are counted apart so their spike does not hide the rest."
                : ".")
        return FigureDraft(figure: figure, title: "Per-layer \(values) histograms", caption: caption)
    }
}

/// "12.3%", or "<0.1%" for a small non-zero share.
private func percent(_ count: Int, of total: Double) -> String {
    let value = 100 * Double(count) / total
    return value < 0.1 ? "<0.1%" : String(format: "%.1f%%", value)
}

extension Array where Element: Hashable {
    /// The elements in order, without repeats.
    var uniqued: [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
