import ExperimentKinds
import Figures
import Foundation
import Plotting
import Results
import Testing

/// The Jacobian spectra and their spread against depth, from three real networks of width 32.
@Suite struct JacobianFiguresTests {
    static func jacobian() throws -> (Experiment, JacobianResult) {
        let experiment = try FigureFixtures.jacobian.get()
        guard case .jacobian(let result) = experiment.result.body else {
            throw FixtureError(description: "not a jacobian experiment")
        }
        return (experiment, result)
    }

    static let labels = ["tanh, orthogonal", "ReLU, Gaussian", "linear, orthogonal"]

    /// A row per network, a column per depth, log10 singular values on one set of edges; the
    /// values too small for the axis are counted in the panel's note, so each panel accounts
    /// for every singular value.
    @Test func spectraShareEdgesAndAccountForEverySingularValue() throws {
        let (experiment, result) = try Self.jacobian()
        let draft = try experiment.draft("spectra")
        let figure = draft.figure
        #expect(figure.rows == 3 && figure.columns == 2 && figure.panels.count == 6)
        #expect(figure.rowLabels == Self.labels)
        #expect(figure.panels.prefix(2).map(\.title) == ["depth 2", "depth 8"])
        #expect(figure.panels.dropFirst(2).allSatisfy { $0.title == nil })
        #expect(figure.shareX == .all && figure.xLabel == "log_{10} singular value of the input-output Jacobian")
        let edges = try #require(figure.panels.first?.bars.first?.edges)
        #expect(edges.count == 21 && edges == edges.sorted())
        var noted = 0
        for (index, panel) in figure.panels.enumerated() {
            let spectrum = result.variants[index / 2].spectra[index % 2]
            #expect(spectrum.squaredSingularValues.count == 32)
            let bar = try #require(panel.bars.first)
            #expect(bar.edges == edges, "panel \(index) has its own edges")
            #expect(bar.style == index / 2)
            // Singular value 1 is marked in every panel.
            #expect(panel.references.map(\.value) == [0] && panel.references[0].orientation == .vertical)
            let binned = bar.heights.reduce(0, +) * 32
            let outside = panel.notes.first.flatMap { Int($0.prefix { $0.isNumber }) } ?? 0
            #expect(abs(binned + Double(outside) - 32) < 1e-9, "panel \(index): \(binned) binned, notes \(panel.notes)")
            let logs = spectrum.squaredSingularValues.map { 0.5 * log10($0) }
            let below = logs.filter { !($0 >= edges[0]) }.count
            #expect(outside == below, "panel \(index)")
            noted += outside
        }
        // Deep ReLU networks switch units off: singular values far below the axis, noted.
        let relu = result.variants[1].spectra[1].squaredSingularValues
        #expect(relu.min()! < 1e-8 * relu.max()!, "\(relu.min()!)")
        #expect(noted > 0 && edges[0] == -4, "the axis stops at 10^-4")
        #expect(figure.panels[3].notes.first?.hasSuffix("below 10^{-4}") == true, "\(figure.panels[3].notes)")
        // The linear orthogonal network is an isometry: every value in the bin of 1.
        let isometric = figure.panels[4].bars[0]
        let column = try #require(edges.indices.dropLast().first { edges[$0] <= 0 && edges[$0 + 1] > 0 })
        #expect(abs(isometric.heights[column] - 1) < 1e-12)
        for fact in ["width 32", "20 bins shared by every panel", "counted in each panel's note"] {
            #expect(draft.caption.contains(fact), "caption lacks \"\(fact)\": \(draft.caption)")
        }
    }

    /// Measured against predicted spread on log-log axes; the exact isometry's zero spread
    /// cannot be drawn on a log axis, which the figure notes.
    @Test func spectrumMomentsPairMeasurementWithPrediction() throws {
        let (experiment, result) = try Self.jacobian()
        let draft = try experiment.draft("spectrum-moments")
        let figure = draft.figure
        let panel = figure.panels[0]
        #expect(panel.x.scale == .log && panel.y.scale == .log)
        #expect(figure.legendLabels == Self.labels)
        #expect(panel.lines.count == 6, "prediction and measurement per network")
        for (index, variant) in result.variants.enumerated() {
            let lines = panel.lines.filter { $0.style == index }
            #expect(lines.count == 2)
            let predicted = try #require(lines.first { !$0.showMarkers })
            let measured = try #require(lines.first { $0.showMarkers })
            #expect(predicted.x == [2, 8] && measured.x == [2, 8])
            if index < 2 {
                #expect(measured.y == variant.spectra.map { $0.variance / ($0.mean * $0.mean) })
                #expect(
                    predicted.y == variant.spectra.map { $0.predictedVariance / ($0.predictedMean * $0.predictedMean) })
            } else {
                #expect(measured.y == [0, 0] && predicted.y == [0, 0], "an isometry's round-off is drawn as 0")
            }
        }
        // ReLU spreads with depth, as predicted.
        let relu = panel.lines.filter { $0.style == 1 }
        #expect(relu.allSatisfy { $0.y[1] > $0.y[0] })
        // The isometry predicts and measures 0 up to round-off: not drawable on a log axis.
        let linear = result.variants[2].spectra
        #expect(linear.allSatisfy { abs($0.predictedVariance) < 1e-12 && $0.variance < 1e-12 })
        let notDrawable = panel.lines.flatMap(\.y).filter { !($0 > 0 && $0.isFinite) }.count
        #expect(notDrawable == 4)
        let notes = try figure.drawnNotes()
        #expect(notes.contains { $0.hasPrefix("\(notDrawable) non-positive or non-finite points") }, "\(notes)")
        #expect(draft.caption.contains("Zero spreads (an exact isometry"))
        // Nothing measured at round-off level stretches the axis over dozens of decades.
        let drawn = panel.lines.flatMap(\.y).filter { $0 > 0 && $0.isFinite }
        #expect(drawn.min()! > 1e-6, "values at round-off level are drawn: \(drawn.min()!)")
    }
}
