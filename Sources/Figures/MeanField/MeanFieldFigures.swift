import ExperimentKinds
import Foundation
import Plotting
import Results

/// The figures of a mean-field experiment.
enum MeanFieldFigures {
    /// Each figure needs its section of the results (the spec layer makes sure it was computed).
    static func draft(_ request: FigureRequest<MeanFieldFigureType>, _ result: MeanFieldResult) throws(FigureError)
        -> FigureDraft
    {
        let missing = FigureError(
            "figure \"\(request.name)\" needs the section \"\(request.type.section)\" of the experiment")
        switch request.type {
        case .phaseDiagram:
            guard let diagram = result.phaseDiagram else { throw missing }
            return phaseDiagram(diagram, request: request)
        case .depthScales:
            guard let scales = result.depthScales else { throw missing }
            return depthScales(scales, request: request)
        case .correlationDepth:
            guard !result.correlationCurves.isEmpty else { throw missing }
            return correlationDepth(result.correlationCurves, request: request)
        case .empiricalMaps:
            guard let measured = result.empirical else { throw missing }
            return empirical(measured, request: request)
        }
    }

    /// Poole/Schoenholz phase diagram: log10 xi_c (or c*) over (sigma_w^2, sigma_b^2) with the
    /// chi1 = 1 line.
    static func phaseDiagram(_ diagram: MeanFieldResult.PhaseDiagram, request: FigureRequest<MeanFieldFigureType>)
        -> FigureDraft
    {
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

    static func depthScales(_ scales: MeanFieldResult.DepthScales, request: FigureRequest<MeanFieldFigureType>)
        -> FigureDraft
    {
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
    static func correlationDepth(
        _ curves: [MeanFieldResult.CorrelationCurve], request: FigureRequest<MeanFieldFigureType>
    ) -> FigureDraft {
        let activations = curves.map(\.activation).uniqued
        let biases = curves.filter { !$0.singleCriticalPoint }.map(\.sigmaB2).uniqued
        let panels = (biases.isEmpty ? [0] : biases).map { bias -> Panel in
            var layers: [PlotLayer] = []
            var notes: [String] = []
            for curve in curves where curve.sigmaB2 == bias || curve.singleCriticalPoint {
                let style = activations.firstIndex(of: curve.activation)!
                let depth = (1..<curve.oneMinusC.count).map(Double.init)
                layers.append(
                    .line(
                        LineSeries(
                            x: depth, y: Array(curve.oneMinusC.dropFirst()), style: style, width: 1.1,
                            dashed: curve.repelling)))
                if curve.repelling { notes.append("\(curve.activation): q* repels (dashed)") }
            }
            // Hayou et al.: smooth activations on the edge of chaos converge like 1/l, a guide
            // through the smooth curves' median at the deepest layer.
            let smooth = curves.filter { $0.sigmaB2 == bias && !$0.singleCriticalPoint && $0.oneMinusC.count > 20 }
            let ends = smooth.map { $0.oneMinusC[$0.oneMinusC.count - 1] }.filter { $0 > 0 }.sorted()
            if let last = smooth.first?.oneMinusC.count, !ends.isEmpty {
                let anchor = ends[ends.count / 2] * Double(last - 1)
                let depth = (10..<last).map(Double.init)
                layers.append(
                    .line(
                        LineSeries(
                            x: depth, y: depth.map { anchor / $0 }, style: 2, width: 0.7, dashed: true, color: .muted)))
            }
            if let known = curves.first(where: { $0.inverseSquareAsymptote != nil }),
                let coefficient = known.inverseSquareAsymptote, known.oneMinusC.count > 10
            {
                // Drawn where it is an asymptote (l >= 10), not where it exceeds 1 - c <= 1:
                // 1 - c^l ~ C / l^2 (ReLU: C = 9 pi^2 / 2, Hayou et al.).
                let depth = (10..<known.oneMinusC.count).map(Double.init)
                layers.append(
                    .line(
                        LineSeries(
                            x: depth, y: depth.map { coefficient / ($0 * $0) }, style: 1, width: 0.7,
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

    static func empirical(_ measured: MeanFieldResult.Empirical, request: FigureRequest<MeanFieldFigureType>)
        -> FigureDraft
    {
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
}
