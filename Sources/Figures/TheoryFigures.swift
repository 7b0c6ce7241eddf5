import Foundation
import Plotting
import Results
import Spec

/// Figures of the mean-field, Jacobian and sweep experiments.
enum TheoryFigures {
    /// Cell edges for grid values that need not be evenly spaced: midpoints, extended at the ends.
    static func edges(_ values: [Double]) -> [Double] {
        guard values.count > 1 else { return values.map { $0 - 0.5 } + values.map { $0 + 0.5 } }
        let middles = zip(values, values.dropFirst()).map { ($0 + $1) / 2 }
        return [values[0] - (middles[0] - values[0])] + middles + [values.last! + (values.last! - middles.last!)]
    }

    /// Poole/Schoenholz phase diagram: log10 xi_c (or c*) over (sigma_w^2, sigma_b^2) with the
    /// chi1 = 1 line.
    static func phaseDiagram(_ diagram: MeanFieldResult.PhaseDiagram, request: FigureSpec) -> FigureDraft {
        let values = diagram.values.map { row in row.map { diagram.showsCorrelation ? $0 : log10($0) } }
        let finite = values.flatMap { $0 }.filter(\.isFinite).sorted()
        // The depth scale diverges on the edge of chaos: the colour scale stops at the 98th
        // percentile so the rest of the diagram keeps its contrast (the caption says so).
        let high = diagram.showsCorrelation ? 1 : finite.isEmpty ? 1 : finite[Int(Double(finite.count - 1) * 0.98)]
        let low = diagram.showsCorrelation ? (finite.first ?? 0) : (finite.first ?? 0)
        let map = Heatmap(
            xEdges: diagram.sigmaW2Edges, yEdges: diagram.sigmaB2Edges, values: values.map { $0.map { min($0, high) } },
            colormap: .viridis, range: low...max(high, low + 1e-9))
        let xRange = diagram.sigmaW2Edges.first!...diagram.sigmaW2Edges.last!
        let yRange = diagram.sigmaB2Edges.first!...diagram.sigmaB2Edges.last!
        var layers: [PlotLayer] = [.heatmap(map)]
        let line = diagram.criticalLine.filter { xRange.contains($0.0) && yRange.contains($0.1) }
        if !line.isEmpty {
            layers.append(
                .line(
                    LineSeries(x: line.map(\.0), y: line.map(\.1), style: 0, width: 1.4, dashed: false, color: .white)))
            // The curve is named where it is, the phases on either side of it.
            let target = yRange.lowerBound + 0.55 * (yRange.upperBound - yRange.lowerBound)
            let labelPoint = line.min { abs($0.1 - target) < abs($1.1 - target) }!
            layers.append(
                .annotation(
                    Annotation(
                        "\u{03C7}_{1} = 1", x: labelPoint.0 - 0.03 * (xRange.upperBound - xRange.lowerBound),
                        y: labelPoint.1,
                        anchor: TextAnchor(.right, .middle), color: .white, size: 7)))
        }
        let xSpan = xRange.upperBound - xRange.lowerBound
        let ySpan = yRange.upperBound - yRange.lowerBound
        layers.append(
            .annotation(
                Annotation(
                    "ordered", x: xRange.lowerBound + 0.04 * xSpan, y: yRange.upperBound - 0.06 * ySpan,
                    anchor: TextAnchor(.left, .top), color: .white, size: 8)))
        layers.append(
            .annotation(
                Annotation(
                    "chaotic", x: xRange.upperBound - 0.04 * xSpan, y: yRange.lowerBound + 0.06 * ySpan,
                    anchor: TextAnchor(.right, .bottom), color: .white, size: 8)))
        let quantity = diagram.showsCorrelation ? "c*" : "log_{10} \u{03BE}_{c}"
        let (width, height) = (request.size ?? .oneAndHalf).inches(defaultHeight: 3.2)
        let figure = Figure(
            widthInches: width, heightInches: height,
            panels: [
                Panel(
                    x: Axis(label: "\u{03C3}_{w}\u{00B2}", range: xRange),
                    y: Axis(label: "\u{03C3}_{b}\u{00B2}", range: yRange), layers: layers)
            ], colorBar: ColorBar(label: quantity, colormap: .viridis, range: low...max(high, low + 1e-9)),
            letters: false)
        let caption =
            "Phase diagram of a deep \(diagram.activation) network in the mean-field limit (Poole et al. 2016; Schoenholz et al. 2017): colour is "
            + (diagram.showsCorrelation
                ? "the attracting correlation fixed point c*"
                : "log\u{2081}\u{2080} of the correlation depth scale \u{03BE}c (colour scale capped at its 98th percentile; \u{03BE}c is infinite on the edge of chaos)")
            + "; the white line is \u{03C7}1 = 1, ordered phase to its left, chaotic phase to its right. \(diagram.values.first?.count ?? 0) \u{00D7} \(diagram.values.count) cells."
        return FigureDraft(figure: figure, title: "Phase diagram", caption: caption)
    }

    static func depthScales(_ scales: MeanFieldResult.DepthScales, request: FigureSpec) -> FigureDraft {
        var layers: [PlotLayer] = [
            .line(LineSeries(x: scales.sigmaW2, y: scales.xiC, style: 0, width: 1.2)),
            .line(LineSeries(x: scales.sigmaW2, y: scales.xiQ, style: 1, width: 1.2)),
        ]
        if let critical = scales.critical {
            layers.append(
                .reference(
                    ReferenceLine(
                        .vertical, at: critical, label: "EOC \u{03C3}_{w}\u{00B2} = \(String(format: "%.4g", critical))"
                    )))
        }
        let (width, height) = (request.size ?? .column).inches(defaultHeight: 2.4)
        let figure = Figure(
            widthInches: width, heightInches: height,
            panels: [
                Panel(
                    x: Axis(label: "\u{03C3}_{w}\u{00B2}"), y: Axis(label: "depth scale (layers)", scale: .log),
                    layers: layers)
            ],
            legend: [
                LegendEntry("\u{03BE}_{c}", swatch: .line(style: 0, dashed: true)),
                LegendEntry("\u{03BE}_{q}", swatch: .line(style: 1, dashed: true)),
            ],
            letters: false)
        let caption =
            "Depth scales of a deep \(scales.activation) network at \u{03C3}b\u{00B2} = \(CaptionFormat.number(scales.sigmaB2)) against the weight variance: "
            + "\u{03BE}c, how many layers a correlation between two inputs survives (it diverges at the edge of chaos), and \u{03BE}q, how fast the variance settles to q* (Schoenholz et al. 2017)."
        return FigureDraft(figure: figure, title: "Depth scales", caption: caption)
    }

    /// Hayou et al. 2019: 1 - c^l against l on the edge of chaos, log-log, one panel per sigma_b^2.
    static func correlationDepth(_ curves: [MeanFieldResult.CorrelationCurve], request: FigureSpec) -> FigureDraft {
        let activations = curves.map(\.activation).uniqued
        let biases = curves.filter { $0.activation != "ReLU" }.map(\.sigmaB2).uniqued
        let panels = (biases.isEmpty ? [0] : biases).map { bias -> Panel in
            var layers: [PlotLayer] = []
            var notes: [String] = []
            for curve in curves where curve.sigmaB2 == bias || curve.activation == "ReLU" {
                let style = activations.firstIndex(of: curve.activation)!
                let depth = (1..<curve.oneMinusC.count).map(Double.init)
                layers.append(
                    .line(
                        LineSeries(
                            x: depth, y: Array(curve.oneMinusC.dropFirst()), style: style, width: 1.1,
                            dashed: !curve.attracting)))
                if !curve.attracting { notes.append("\(curve.activation): q* repels (dashed)") }
            }
            // Hayou et al.: smooth activations on the edge of chaos converge like 1/l, a guide
            // through the smooth curves' median at the deepest layer.
            let smooth = curves.filter { $0.sigmaB2 == bias && $0.activation != "ReLU" && $0.oneMinusC.count > 20 }
            let ends = smooth.map { $0.oneMinusC[$0.oneMinusC.count - 1] }.filter { $0 > 0 }.sorted()
            if let last = smooth.first?.oneMinusC.count, !ends.isEmpty {
                let anchor = ends[ends.count / 2] * Double(last - 1)
                let depth = (10..<last).map(Double.init)
                layers.append(
                    .line(
                        LineSeries(
                            x: depth, y: depth.map { anchor / $0 }, style: 2, width: 0.7, dashed: true, color: .muted)))
            }
            if let relu = curves.first(where: { $0.activation == "ReLU" }) {
                // Drawn where it is an asymptote (l >= 10), not where it exceeds 1 - c <= 1.
                let depth = (10..<relu.oneMinusC.count).map(Double.init)
                // Hayou et al.: on the ReLU edge of chaos, 1 - c^l ~ 9 pi^2 / (2 l^2).
                layers.append(
                    .line(
                        LineSeries(
                            x: depth, y: depth.map { 9 * Double.pi * Double.pi / (2 * $0 * $0) }, style: 1, width: 0.7,
                            dashed: true, color: .muted)))
            }
            return Panel(
                title: "\u{03C3}_{b}\u{00B2} = \(CaptionFormat.number(bias))", x: Axis(label: "layer l", scale: .log),
                y: Axis(label: "1 \u{2212} c^{l}", scale: .log), layers: layers, notes: notes)
        }
        let (width, height) = (request.size ?? .wide).inches(defaultHeight: 2.8)
        let legend =
            activations.enumerated().map { LegendEntry($1, swatch: .line(style: $0)) }
            + [
                LegendEntry("9\u{03C0}\u{00B2}/(2l\u{00B2})", swatch: .line(style: 1, color: .muted, dashed: true)),
                LegendEntry("\u{221D} 1/l", swatch: .line(style: 2, color: .muted, dashed: true)),
            ]
        let figure = Figure(
            widthInches: width, heightInches: height, rows: 1, columns: panels.count, panels: panels, shareY: .all,
            legend: legend)
        let caption =
            "Convergence of the correlation between two inputs with depth on the edge of chaos (after Hayou et al. 2019), log-log: each activation at its critical "
            + "\u{03C3}w\u{00B2} for the panel's \u{03C3}b\u{00B2} (ReLU at its only critical point \u{03C3}b\u{00B2} = 0, \u{03C3}w\u{00B2} = 2, in every panel; grey dashes: its asymptote 9\u{03C0}\u{00B2}/(2l\u{00B2}); grey dots: a 1/l guide through the smooth activations' median at the deepest layer, the rate Hayou et al. prove for them). "
            + "Slower decay means information about the input survives more layers. Dashed curves: the fixed point q* repels there, so a real network would not stay on this curve."
        return FigureDraft(figure: figure, title: "Correlation against depth on the edge of chaos", caption: caption)
    }

    static func empirical(_ measured: MeanFieldResult.Empirical, request: FigureSpec) -> FigureDraft {
        let layers = (1...measured.predictedQ.count).map(Double.init)
        func panel(_ title: String, predicted: [Double], mean: [Double], error: [Double], label: String) -> Panel {
            Panel(
                title: title, x: Axis(label: "layer", integerTicks: true), y: Axis(label: label),
                layers: [
                    .band(
                        x: layers, lower: zip(mean, error).map { $0 - 3 * $1 },
                        upper: zip(mean, error).map { $0 + 3 * $1 }, style: 1),
                    .line(LineSeries(x: layers, y: predicted, style: 6, width: 1, dashed: false)),
                    .line(LineSeries(x: layers, y: mean, style: 1, width: 0.8, showMarkers: true, dashed: false)),
                ])
        }
        let (width, height) = (request.size ?? .wide).inches(defaultHeight: 2.4)
        let figure = Figure(
            widthInches: width, heightInches: height, rows: 1, columns: 2,
            panels: [
                panel(
                    "variance", predicted: measured.predictedQ, mean: measured.measuredQ,
                    error: measured.qStandardError, label: "q^{l}"),
                panel(
                    "correlation", predicted: measured.predictedC, mean: measured.measuredC,
                    error: measured.cStandardError, label: "c^{l}"),
            ],
            legend: [
                LegendEntry("mean-field map", swatch: .line(style: 6)),
                LegendEntry("finite networks (mean, band \u{00B1} 3 SE)", swatch: .line(style: 1, marker: true)),
            ])
        let caption =
            "The mean-field maps against \(measured.seeds) random \(measured.activation) networks of width \(measured.width): (a) the variance q\u{02E1} of one input's pre-activations, "
            + "(b) the correlation c\u{02E1} of two inputs', layer by layer; markers: mean over networks, band: \u{00B1} 3 standard errors. "
            + "q\u{02E1} is within 3 standard errors of the map in \(measured.qWithinThreeErrors) of \(measured.predictedQ.count) layers."
        return FigureDraft(figure: figure, title: "Mean-field maps against finite networks", caption: caption)
    }

    /// Histograms of log10 singular values of J, one row per network, one column per depth.
    static func spectra(_ result: JacobianResult, request: FigureSpec, bins: Int) -> FigureDraft {
        let logs = result.variants.map { variant in
            variant.spectra.map { spectrum in
                spectrum.squaredSingularValues.filter { $0 > 0 }.map { 0.5 * log10($0) }
            }
        }
        let all = logs.flatMap { $0 }.flatMap { $0 }.sorted()
        // Singular values below 1e-4 (down to round-off zeros where ReLU units are off) would
        // stretch the axis over dozens of decades: they are counted in a note instead.
        let floor = -4.0
        let low = all.isEmpty ? -1 : max(all.first!, floor)
        let high = all.isEmpty ? 1 : all.last! + 0.05
        let span = max(high - low, 0.2)
        let edges = (0...bins).map { low + span * Double($0) / Double(bins) }
        var panels: [Panel] = []
        for (row, variant) in result.variants.enumerated() {
            for (column, spectrum) in variant.spectra.enumerated() {
                var counts = [Double](repeating: 0, count: bins)
                var outside = 0
                for value in logs[row][column] {
                    let index = Int((value - low) / span * Double(bins))
                    if index >= 0 && index < bins {
                        counts[index] += 1
                    } else if index == bins {
                        counts[bins - 1] += 1
                    } else {
                        outside += 1
                    }
                }
                outside += spectrum.squaredSingularValues.count - logs[row][column].count
                let total = Double(max(spectrum.squaredSingularValues.count, 1))
                panels.append(
                    Panel(
                        title: row == 0 ? "depth \(spectrum.depth)" : nil,
                        layers: [
                            .bars(edges: edges, heights: counts.map { $0 / total }, style: row),
                            .reference(ReferenceLine(.vertical, at: 0)),
                        ],
                        notes: outside > 0
                            ? [low == floor ? "\(outside) below 10^{\(Int(floor))}" : "\(outside) zero"] : []))
            }
        }
        let columns = result.variants.first?.spectra.count ?? 1
        let (width, height) = (request.size ?? .wide).inches(defaultHeight: 0.6 + 1.0 * Double(result.variants.count))
        let figure = Figure(
            widthInches: width, heightInches: height, rows: result.variants.count, columns: columns, panels: panels,
            rowLabels: result.variants.map(\.label), xLabel: "log_{10} singular value of the input-output Jacobian",
            yLabel: "fraction", shareX: .all, shareY: .line)
        let caption =
            "Singular values of the input-output Jacobian J of random networks of width \(result.width) at initialization (after Pennington et al. 2017), "
            + "one row per network, one column per depth; log\u{2081}\u{2080} scale, \(bins) bins shared by every panel, the grey line marks singular value 1; "
            + "values below the axis (including the exact zeros of switched-off ReLU units) are counted in each panel's note. "
            + "Dynamical isometry means all singular values stay near 1 as depth grows."
        return FigureDraft(figure: figure, title: "Jacobian singular-value spectra", caption: caption)
    }

    static func spectrumMoments(_ result: JacobianResult, request: FigureSpec) -> FigureDraft {
        var layers: [PlotLayer] = []
        for (index, variant) in result.variants.enumerated() {
            let depths = variant.spectra.map { Double($0.depth) }
            layers.append(
                .line(
                    LineSeries(
                        x: depths,
                        y: variant.spectra.map { $0.predictedVariance / ($0.predictedMean * $0.predictedMean) },
                        style: index, width: 1)))
            layers.append(
                .line(
                    LineSeries(
                        x: depths, y: variant.spectra.map { $0.variance / ($0.mean * $0.mean) }, style: index,
                        width: 0.6,
                        opacity: 0.9, showMarkers: true, dashed: false)))
        }
        let (width, height) = (request.size ?? .column).inches(defaultHeight: 2.6)
        let figure = Figure(
            widthInches: width, heightInches: height,
            panels: [
                Panel(
                    x: Axis(label: "depth", scale: .log),
                    y: Axis(label: "variance / mean\u{00B2} of J J^{T} spectrum", scale: .log), layers: layers)
            ],
            legend: result.variants.enumerated().map {
                LegendEntry($1.label, swatch: .line(style: $0, dashed: true, marker: true))
            }, letters: false)
        let caption =
            "Spread of the squared singular values of J against depth: markers measured on one network of width \(result.width), lines the free-probability prediction "
            + "L (\u{03BC}2/\u{03BC}1\u{00B2} \u{2212} 1 \u{2212} s1). Non-positive values (exact isometry) are not drawn."
        return FigureDraft(figure: figure, title: "Spectrum spread against depth", caption: caption)
    }

    /// The trainability heatmap (Schoenholz et al. 2017, scaled down) with the overlay curve.
    /// An axis whose values are positive and span more than a factor 10 (depth 4 ... 96) is
    /// drawn on a log scale, so every cell gets a readable size.
    static func sweepHeatmap(_ sweep: SweepResult, request: FigureSpec) -> FigureDraft {
        var grid = Array(
            repeating: Array(repeating: Double.nan, count: sweep.xValues.count), count: sweep.yValues.count)
        for cell in sweep.cells { grid[cell.yIndex][cell.xIndex] = cell.value }
        let finite = grid.flatMap { $0 }.filter(\.isFinite)
        let accuracy = sweep.metric.hasSuffix("accuracy")
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
        let xRange = xEdges.first!...xEdges.last!
        let yRange = yEdges.first!...yEdges.last!
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
        let metric = sweep.metric.replacingOccurrences(of: "_", with: " ")
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
                    layers: layers)
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
