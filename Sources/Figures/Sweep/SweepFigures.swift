import ExperimentKinds
import Foundation
import Plotting
import Results

/// The figures of a sweep.
enum SweepFigures {
    static func draft(_ request: FigureRequest<SweepFigureType>, _ result: SweepResult) -> FigureDraft {
        switch request.type {
        case .heatmap: sweepHeatmap(result, request: request)
        }
    }

    /// Cell edges for grid values that need not be evenly spaced: midpoints, extended at the ends.
    static func edges(_ values: [Double]) -> [Double] {
        guard values.count > 1 else { return values.map { $0 - 0.5 } + values.map { $0 + 0.5 } }
        let middles = zip(values, values.dropFirst()).map { ($0 + $1) / 2 }
        return [values[0] - (middles[0] - values[0])] + middles + [values.last! + (values.last! - middles.last!)]
    }

    /// The trainability heatmap (Schoenholz et al. 2017, scaled down) with the overlay curve.
    /// An axis whose values are positive and span more than a factor 10 (depth 4 ... 96) is
    /// drawn on a log scale, so every cell gets a readable size.
    static func sweepHeatmap(_ sweep: SweepResult, request: FigureRequest<SweepFigureType>) -> FigureDraft {
        var grid = Array(
            repeating: Array(repeating: Double.nan, count: sweep.xValues.count), count: sweep.yValues.count)
        for cell in sweep.cells { grid[cell.yIndex][cell.xIndex] = cell.value }
        let finite = grid.flatMap { $0 }.filter(\.isFinite)
        let accuracy = sweep.metric.isAccuracy
        let range = accuracy ? 0...1 : (finite.min() ?? 0)...max(finite.max() ?? 1, (finite.min() ?? 0) + 1e-9)
        func logarithmic(_ values: [Double]) -> Bool {
            (values.min() ?? 0) > 0 && (values.max() ?? 0) / (values.min() ?? 1) > 10
        }
        func cellEdges(_ values: [Double], log: Bool) -> [Double] {
            log ? edges(values.map(log10)).map { pow(10, $0) } : edges(values)
        }
        let xLog = logarithmic(sweep.xValues)
        let yLog = logarithmic(sweep.yValues)
        let xEdges = cellEdges(sweep.xValues, log: xLog)
        let yEdges = cellEdges(sweep.yValues, log: yLog)
        // Validation keeps axis values strictly increasing, so the outer edges are the range.
        let xRange = (xEdges.min() ?? 0)...(xEdges.max() ?? 1)
        let yRange = (yEdges.min() ?? 0)...(yEdges.max() ?? 1)
        var layers: [PlotLayer] = [
            .heatmap(Heatmap(xEdges: xEdges, yEdges: yEdges, values: grid, colormap: .viridis, range: range))
        ]
        let overlayLabel = sweep.overlayCurve.map { curve in
            "\(CaptionFormat.number(curve.multiple)) \u{03BE}c (\(curve.activation), \u{03C3}b\u{00B2} = \(CaptionFormat.number(curve.sigmaB2)))"
        }
        if let label = overlayLabel, !sweep.overlay.isEmpty {
            layers.append(
                .line(
                    LineSeries(x: sweep.overlayX, y: sweep.overlay, style: 0, width: 1.6, dashed: false, color: .white))
            )
            // Named at the right end of the curve, where it is low: over the untrainable cells.
            if let end = Array(zip(sweep.overlayX, sweep.overlay)).last(where: {
                xRange.contains($0.0) && yRange.contains($0.1)
            }) {
                let name = String(label.prefix { $0 != "(" }).trimmingCharacters(in: .whitespaces)
                layers.append(
                    .annotation(
                        Annotation(
                            MathText.figure(name), x: end.0,
                            y: yLog ? end.1 * 1.12 : end.1 + 0.03 * (yRange.upperBound - yRange.lowerBound),
                            anchor: TextAnchor(.right, .bottom), color: .white, size: 8)))
            }
        }
        // A cell's colour alone does not say that runs diverged (an accuracy sweep counts them at
        // chance) or that a cell has no finite value (a diverged loss, drawn grey): the notes do.
        var notes: [String] = []
        let divergedCells = sweep.cells.filter { $0.divergedRuns > 0 }.count
        if divergedCells > 0 {
            notes.append("\(divergedCells) cell(s) with diverged runs" + (accuracy ? ", counted at chance" : ""))
        }
        let notFinite = grid.flatMap { $0 }.filter { !$0.isFinite }.count - sweep.missingCells.count
        if notFinite > 0 { notes.append("grey: \(notFinite) cell(s) without a finite value") }
        // A report gathered before every cell finished: the blanks are not results.
        if !sweep.missingCells.isEmpty {
            notes.append("grey: \(sweep.missingCells.count) cell(s) missing, not computed yet or failed")
        }
        let metric = sweep.metric.label
        let (width, height) = (request.size ?? .oneAndHalf).inches(defaultHeight: 3.2)
        let figure = Figure(
            widthInches: width, heightInches: height,
            panels: [
                Panel(
                    x: Axis(
                        label: MathText.figure(sweep.xLabel), scale: xLog ? .log : .linear, range: xRange,
                        ticks: xLog ? sweep.xValues : nil),
                    y: Axis(
                        label: MathText.figure(sweep.yLabel), scale: yLog ? .log : .linear, range: yRange,
                        ticks: yLog ? sweep.yValues : nil),
                    layers: layers, notes: notes)
            ], colorBar: ColorBar(label: metric, colormap: .viridis, range: range), letters: false)
        let caption =
            "\(metric.prefix(1).uppercased() + metric.dropFirst()) after training, for every combination of \(sweep.xLabel) (\(sweep.xValues.count) values) and \(sweep.yLabel) (\(sweep.yValues.count) values)"
            + (overlayLabel.map {
                "; white curve: \($0) from the mean-field theory, the depth up to which Schoenholz et al. (2017) predict a network is trainable"
            } ?? "")
            + ". Each cell is an independent run keyed by the hash of its resolved spec."
        return FigureDraft(figure: figure, title: "Trainability", caption: caption)
    }
}
