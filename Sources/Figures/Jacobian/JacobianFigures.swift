import ExperimentKinds
import Foundation
import Plotting
import Results

/// The figures of a Jacobian-spectrum experiment.
enum JacobianFigures {
    static func draft(_ request: FigureRequest<JacobianFigureType>, _ result: JacobianResult) -> FigureDraft {
        switch request.type {
        case .spectra: spectra(result, request: request)
        case .spectrumMoments: spectrumMoments(result, request: request)
        }
    }

    /// Histograms of log10 singular values of J, one row per network, one column per depth.
    static func spectra(_ result: JacobianResult, request: FigureRequest<JacobianFigureType>) -> FigureDraft {
        let bins = result.bins
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

    static func spectrumMoments(_ result: JacobianResult, request: FigureRequest<JacobianFigureType>) -> FigureDraft {
        // The relative spread of an exact isometry is zero up to round-off (1e-15 predicted,
        // 1e-30 measured): drawn, it would stretch the log axis over dozens of decades.
        func spread(_ variance: Double, _ mean: Double) -> Double {
            let value = variance / (mean * mean)
            return abs(value) < 1e-12 ? 0 : value
        }
        var layers: [PlotLayer] = []
        for (index, variant) in result.variants.enumerated() {
            let depths = variant.spectra.map { Double($0.depth) }
            layers.append(
                .line(
                    LineSeries(
                        x: depths,
                        y: variant.spectra.map { spread($0.predictedVariance, $0.predictedMean) },
                        style: index, width: 1)))
            layers.append(
                .line(
                    LineSeries(
                        x: depths, y: variant.spectra.map { spread($0.variance, $0.mean) }, style: index,
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
            + "L (\u{03BC}2/\u{03BC}1\u{00B2} \u{2212} 1 \u{2212} s1). Zero spreads (an exact isometry, below 10\u{207B}\u{00B9}\u{00B2}: round-off) are not drawn."
        return FigureDraft(figure: figure, title: "Spectrum spread against depth", caption: caption)
    }
}
