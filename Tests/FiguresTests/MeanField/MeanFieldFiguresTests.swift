import ExperimentKinds
import Figures
import Foundation
import Plotting
import Results
import Testing

/// The four mean-field figures from a real, small mean-field experiment.
@Suite struct MeanFieldFiguresTests {
    static func meanField(_ fixture: Result<Experiment, any Error>) throws -> (Experiment, MeanFieldResult) {
        let experiment = try fixture.get()
        guard case .meanField(let result) = experiment.result.body else {
            throw FixtureError(description: "not a mean-field experiment")
        }
        return (experiment, result)
    }

    /// log10 xi_c over the grid with the colour scale capped at its 98th percentile (xi_c
    /// diverges on the edge of chaos), the chi1 = 1 line and the phases named.
    @Test func phaseDiagramCapsTheDivergingDepthScale() throws {
        let (experiment, result) = try Self.meanField(FigureFixtures.meanField)
        let diagram = try #require(result.phaseDiagram)
        let draft = try experiment.draft("phase-diagram")
        let figure = draft.figure
        #expect(figure.panels.count == 1 && !figure.letters)
        let panel = figure.panels[0]
        #expect(panel.x.label == "\u{03C3}_{w}\u{00B2}" && panel.y.label == "\u{03C3}_{b}\u{00B2}")
        #expect(panel.x.range == 0.5...4.5 && panel.y.range == 0...1)
        let map = try #require(panel.heatmaps.first)
        #expect(panel.heatmaps.count == 1)
        #expect(map.values.count == 4 && map.values.allSatisfy { $0.count == 5 })
        #expect(map.xEdges == diagram.sigmaW2Edges && map.yEdges == diagram.sigmaB2Edges && map.xEdges.count == 6)
        let logs = diagram.values.flatMap { $0 }.map { log10($0) }
        let finite = logs.filter(\.isFinite).sorted()
        #expect(finite.count == 20, "xi_c is finite off the edge of chaos")
        let cap = finite[Int(Double(finite.count - 1) * 0.98)]
        #expect(map.range == finite[0]...cap)
        #expect(map.values.flatMap { $0 } == logs.map { min($0, cap) })
        #expect(logs.max()! > cap, "the largest depth scale is capped")
        let bar = try #require(figure.colorBar)
        #expect(bar.label == "log_{10} \u{03BE}_{c}" && bar.range == map.range && bar.colormap == .viridis)
        // The chi1 = 1 line, white, inside the diagram, and named.
        let line = try #require(panel.lines.first)
        #expect(panel.lines.count == 1 && line.color == .white && line.x.count > 10)
        #expect(zip(line.x, line.y).allSatisfy { (0.5...4.5).contains($0) && (0...1).contains($1) })
        // The tanh edge of chaos at sigma_b^2 = 0.05 is sigma_w^2 = 1.76 (theory.md).
        let near = try #require(zip(line.x, line.y).min { abs($0.1 - 0.05) < abs($1.1 - 0.05) })
        #expect(abs(near.1 - 0.05) < 0.02 && abs(near.0 - 1.76) < 0.1, "\(near)")
        #expect(panel.annotations.map(\.text) == ["\u{03C7}_{1} = 1", "ordered", "chaotic"])
        #expect(panel.annotations.allSatisfy { $0.color == .white })
        for fact in ["colour scale capped at its 98th percentile", "5 \u{00D7} 4 cells", "\u{03C7}1 = 1", "tanh"] {
            #expect(draft.caption.contains(fact), "caption lacks \"\(fact)\": \(draft.caption)")
        }
    }

    @Test func phaseDiagramOfTheCorrelationFixedPoint() throws {
        let (experiment, result) = try Self.meanField(FigureFixtures.correlationPhaseDiagram)
        let diagram = try #require(result.phaseDiagram)
        let draft = try experiment.draft("phase-diagram")
        let map = try #require(draft.figure.panels[0].heatmaps.first)
        let values = diagram.values.flatMap { $0 }
        #expect(values.allSatisfy { $0 > -1 && $0 <= 1 } && values.count == 6)
        #expect(values.contains { $0 < 0.9 } && values.contains { $0 > 0.999 }, "chaotic and ordered cells")
        #expect(map.values.flatMap { $0 } == values, "c* is drawn as it is")
        #expect(map.range == values.min()!...1 && draft.figure.colorBar?.label == "c*")
        #expect(
            draft.caption.contains("the attracting correlation fixed point c*") && draft.caption.contains("3 × 2 cells")
        )
        let rendered = try FigureFactory.render(experiment.spec.figures, for: experiment.result)
        #expect(rendered.count == 1)
        for figure in rendered { try RenderChecks.check(figure, against: draft) }
    }

    /// xi_c and xi_q against sigma_w^2 on a log axis (xi_c spans decades near the edge of
    /// chaos), the edge of chaos marked and labelled.
    @Test func depthScalesOnALogAxisWithTheEdgeOfChaosMarked() throws {
        let (experiment, result) = try Self.meanField(FigureFixtures.meanField)
        let scales = try #require(result.depthScales)
        let draft = try experiment.draft("depth-scales")
        let panel = draft.figure.panels[0]
        #expect(panel.y.scale == .log && panel.y.label == "depth scale (layers)")
        #expect(draft.figure.legendLabels == ["\u{03BE}_{c}", "\u{03BE}_{q}"])
        #expect(panel.lines.map(\.style) == [0, 1])
        #expect(panel.lines[0].x == scales.sigmaW2 && panel.lines[0].y == scales.xiC && scales.sigmaW2.count == 11)
        #expect(panel.lines[1].y == scales.xiQ)
        let finite = scales.xiC.filter { $0.isFinite && $0 > 0 }
        #expect(finite.max()! / finite.min()! > 10, "xi_c spans more than a decade")
        let critical = try #require(scales.critical)
        #expect(abs(critical - 1.76095) < 1e-4)
        let marker = try #require(panel.references.first)
        #expect(marker.orientation == .vertical && marker.value == critical)
        #expect(marker.label == "EOC \u{03C3}_{w}\u{00B2} = 1.761")
        // Whatever cannot be drawn on the log axis is counted in a note.
        let undrawable = (scales.xiC + scales.xiQ).filter { !($0.isFinite && $0 > 0) }.count
        let notes = try draft.figure.drawnNotes()
        #expect(notes.contains { $0.hasPrefix("\(undrawable) non-positive") } == (undrawable > 0), "\(notes)")
        #expect(draft.caption.contains("\u{03C3}b\u{00B2} = 0.05"))
    }

    /// One log-log panel per bias variance; ReLU's single critical point in every panel; swish
    /// repels at both biases (dashed, noted); both guides in the legend.
    @Test func correlationDepthHasAPanelPerBiasAndNotesRepellingFixedPoints() throws {
        let (experiment, result) = try Self.meanField(FigureFixtures.meanField)
        let curves = result.correlationCurves
        #expect(curves.map(\.activation) == ["ReLU", "tanh", "tanh", "swish", "swish"], "\(curves.map(\.activation))")
        let draft = try experiment.draft("correlation-depth")
        let figure = draft.figure
        #expect(figure.columns == 2 && figure.panels.count == 2 && figure.shareY == .all)
        #expect(figure.panels.map(\.title) == ["\u{03C3}_{b}\u{00B2} = 0.04", "\u{03C3}_{b}\u{00B2} = 0.25"])
        #expect(
            figure.legendLabels == ["ReLU", "tanh", "swish", "9\u{03C0}\u{00B2}/(2l\u{00B2})", "\u{221D} 1/l"])
        for (panel, bias) in zip(figure.panels, [0.04, 0.25]) {
            #expect(panel.x.scale == .log && panel.y.scale == .log)
            let own = curves.filter { $0.sigmaB2 == bias || $0.singleCriticalPoint }
            #expect(own.count == 3)
            let drawn = panel.lines.filter { $0.color == nil }
            #expect(drawn.count == 3, "a curve per activation")
            for (line, curve) in zip(drawn, own) {
                #expect(line.style == ["ReLU", "tanh", "swish"].firstIndex(of: curve.activation))
                #expect(line.x == (1...30).map(Double.init) && line.y == Array(curve.oneMinusC.dropFirst()))
                #expect(line.dashed == curve.repelling)
            }
            #expect(panel.lines.filter { $0.color == .muted }.count == 2, "the 1/l guide and ReLU's asymptote")
            let repelling = own.filter(\.repelling).map(\.activation)
            #expect(repelling == ["swish"], "swish repels below sigma_b^2 = 0.555")
            #expect(panel.notes == repelling.map { "\($0): q* repels (dashed)" })
        }
        let relu = try #require(curves.first { $0.singleCriticalPoint })
        let asymptote = try #require(relu.inverseSquareAsymptote)
        #expect(abs(asymptote - 9 * Double.pi * Double.pi / 2) < 1e-9)
        let guide = try #require(figure.panels[0].lines.first { $0.color == .muted && $0.style == 1 })
        #expect(guide.x.first == 10 && zip(guide.x, guide.y).allSatisfy { abs($1 - asymptote / ($0 * $0)) < 1e-12 })
        #expect(draft.caption.contains("log-log") && draft.caption.contains("Dashed curves: the fixed point q* repels"))
    }

    /// The variance and correlation maps against finite networks: the map as a line, the
    /// networks' mean with markers and a band of ± 3 standard errors.
    @Test func empiricalMapsBandThreeStandardErrors() throws {
        let (experiment, result) = try Self.meanField(FigureFixtures.meanField)
        let measured = try #require(result.empirical)
        let draft = try experiment.draft("empirical-maps")
        let figure = draft.figure
        #expect(figure.panels.map(\.title) == ["variance", "correlation"])
        #expect(figure.legendLabels == ["mean-field map", "finite networks (mean, band \u{00B1} 3 SE)"])
        let series = [
            (measured.predictedQ, measured.measuredQ, measured.qStandardError),
            (measured.predictedC, measured.measuredC, measured.cStandardError),
        ]
        for (panel, (predicted, mean, error)) in zip(figure.panels, series) {
            #expect(predicted.count == 5 && mean.count == 5 && error.count == 5)
            let layers = (1...5).map(Double.init)
            let band = try #require(panel.bands.first)
            #expect(band.x == layers)
            #expect(band.lower == zip(mean, error).map { $0 - 3 * $1 })
            #expect(band.upper == zip(mean, error).map { $0 + 3 * $1 })
            #expect(error.allSatisfy { $0 > 0 }, "six networks disagree: the band has a width")
            #expect(panel.lines.count == 2)
            #expect(panel.lines[0].y == predicted && !panel.lines[0].showMarkers)
            #expect(panel.lines[1].y == mean && panel.lines[1].showMarkers)
            #expect(panel.lines[1].style == band.style, "the band has the colour of the networks' curve")
        }
        for fact in [
            "6 random tanh networks of width 100", "band: \u{00B1} 3 standard errors",
            "within 3 standard errors of the map in \(measured.qWithinThreeErrors) of 5 layers",
        ] {
            #expect(draft.caption.contains(fact), "caption lacks \"\(fact)\": \(draft.caption)")
        }
    }
}
