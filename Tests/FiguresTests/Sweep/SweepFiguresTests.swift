import ExperimentKinds
import Figures
import Foundation
import Plotting
import Results
import Testing

/// The trainability heatmap, from a real twelve-cell sweep (with an overlay curve added by hand)
/// and from hand-made results.
@Suite struct SweepFiguresTests {
    static func sweep() throws -> (Experiment, SweepResult) {
        let experiment = try FigureFixtures.sweep.get()
        guard case .sweep(let result) = experiment.result.body else {
            throw FixtureError(description: "not a sweep")
        }
        return (experiment, result)
    }

    /// Every cell where the grid puts it; depths 1 to 16 on a log axis ticked at the depths,
    /// weight variances 0.5 to 4 (a factor 8) on a linear one; accuracy on a fixed 0-1 scale.
    @Test func heatmapPlacesEveryCellAndPicksLogAxesWhereValuesSpanDecades() throws {
        let (experiment, result) = try Self.sweep()
        #expect(result.cells.count == 12 && result.cells.allSatisfy { $0.value >= 0 && $0.value <= 1 })
        let draft = try experiment.draft("heatmap")
        let figure = draft.figure
        let panel = figure.panels[0]
        let map = try #require(panel.heatmaps.first)
        #expect(map.values.count == 3 && map.values.allSatisfy { $0.count == 4 })
        for cell in result.cells { #expect(map.values[cell.yIndex][cell.xIndex] == cell.value) }
        #expect(map.range == 0...1 && figure.colorBar?.range == 0...1 && figure.colorBar?.label == "test accuracy")
        #expect(panel.x.scale == .linear && panel.x.ticks == nil)
        #expect(panel.y.scale == .log && panel.y.ticks == [1, 4, 16])
        #expect(panel.x.label == "\u{03C3}_{w}\u{00B2}" && panel.y.label == "depth")
        // Cell edges are the midpoints: each value sits inside its cell.
        #expect(map.xEdges.count == 5 && map.yEdges.count == 4)
        for (index, value) in result.xValues.enumerated() {
            #expect(map.xEdges[index] < value && value < map.xEdges[index + 1])
        }
        for (index, value) in result.yValues.enumerated() {
            #expect(map.yEdges[index] < value && value < map.yEdges[index + 1])
        }
        #expect(abs(map.yEdges[1] - 2) < 1e-12 && abs(map.yEdges[2] - 8) < 1e-12, "geometric midpoints on a log axis")
        #expect(panel.x.range == map.xEdges.first!...map.xEdges.last!)
        // No run diverged and every cell has its value: nothing to note.
        #expect(result.cells.allSatisfy { $0.divergedRuns == 0 && $0.value.isFinite } && panel.notes.isEmpty)
    }

    /// The mean-field overlay: white, named at its right end, and in the caption.
    @Test func overlayCurveIsDrawnNamedAndCaptioned() throws {
        let (experiment, result) = try Self.sweep()
        let draft = try experiment.draft("heatmap")
        let panel = draft.figure.panels[0]
        let curve = try #require(panel.lines.first)
        #expect(panel.lines.count == 1 && curve.color == .white)
        #expect(curve.x == result.overlayX && curve.y == result.overlay && result.overlay.count == 201)
        #expect(result.overlayCurve == SweepResult.OverlayCurve(activation: "tanh", sigmaB2: 0.05, multiple: 6))
        #expect(panel.annotations.map(\.text) == ["6 \u{03BE}_{c}"])
        for fact in [
            "Test accuracy after training", "\u{03C3}w\u{00B2} (4 values)", "depth (3 values)",
            "white curve: 6 \u{03BE}c (tanh, \u{03C3}b\u{00B2} = 0.05) from the mean-field theory",
            "independent run keyed by the hash of its resolved spec",
        ] {
            #expect(draft.caption.contains(fact), "caption lacks \"\(fact)\": \(draft.caption)")
        }
    }

    /// A final-loss sweep, made by hand: the colour scale spans the finite losses, and a
    /// diverged cell (an infinite loss) is not coloured as if it had a loss, but said.
    @Test func finalLossScaleSpansTheFiniteCellsAndNamesTheDivergedOne() throws {
        let values: [[Double]] = [[0.4, 0.7, 1.1], [0.9, 1.6, .infinity]]
        let cells = values.enumerated().flatMap { y, row in
            row.enumerated().map { x, value in
                SweepResult.Cell(
                    xIndex: x, yIndex: y, key: "k\(x)\(y)", value: value, divergedRuns: value.isFinite ? 0 : 1)
            }
        }
        let sweep = SweepResult(
            xLabel: "learning rate", yLabel: "width", xValues: [0.01, 0.1, 1], yValues: [16, 32], metric: .finalLoss,
            cells: cells, overlayX: [], overlay: [], overlayCurve: nil, reusedCells: 0)
        let result = ExperimentResult(experimentID: "loss-sweep", seed: 1, body: .sweep(sweep))
        let draft = try #require(try FigureFactory.drafts(.sweep([.init(.heatmap)]), for: result).first)
        let panel = draft.figure.panels[0]
        let map = try #require(panel.heatmaps.first)
        #expect(map.range == 0.4...1.6 && draft.figure.colorBar?.label == "final loss")
        #expect(panel.x.scale == .log && panel.x.ticks == [0.01, 0.1, 1] && panel.y.scale == .linear)
        #expect(panel.lines.isEmpty && panel.annotations.isEmpty && !draft.caption.contains("white curve"))
        #expect(draft.caption.hasPrefix("Final loss after training"))
        #expect(panel.notes == ["1 cell(s) with diverged runs", "grey: 1 cell(s) without a finite value"])
        #expect(try draft.figure.drawnNotes() == panel.notes)
        let rendered = try FigureFactory.render(.sweep([.init(.heatmap)]), for: result)
        #expect(rendered.map(\.id) == ["fig-loss-sweep-heatmap"])
        for figure in rendered { try RenderChecks.check(figure, against: draft) }
    }

    /// An accuracy sweep counts a diverged run at chance: the colour looks like a result, so the
    /// panel says which cells it is.
    @Test func accuracyCellsWithDivergedRunsAreNoted() throws {
        let (_, result) = try Self.sweep()
        let cells = result.cells.enumerated().map { index, cell in
            SweepResult.Cell(
                xIndex: cell.xIndex, yIndex: cell.yIndex, key: cell.key, value: index < 2 ? 1.0 / 3 : cell.value,
                divergedRuns: index < 2 ? 1 : 0)
        }
        let diverged = SweepResult(
            xLabel: result.xLabel, yLabel: result.yLabel, xValues: result.xValues, yValues: result.yValues,
            metric: result.metric, cells: cells, overlayX: [], overlay: [], overlayCurve: nil, reusedCells: 0)
        let draft = try #require(
            try FigureFactory.drafts(
                .sweep([.init(.heatmap)]), for: ExperimentResult(experimentID: "d", seed: 1, body: .sweep(diverged))
            ).first)
        #expect(draft.figure.panels[0].notes == ["2 cell(s) with diverged runs, counted at chance"])
    }

    /// A report gathered before every cell finished: the blank cells are said to be missing, not
    /// counted as cells without a finite value.
    @Test func missingCellsAreNotedAsMissing() throws {
        let (_, result) = try Self.sweep()
        let kept = Array(result.cells.dropFirst(2))
        let missing = result.cells.prefix(2).enumerated().map { index, cell in
            SweepResult.MissingCell(index: index, xIndex: cell.xIndex, yIndex: cell.yIndex, key: cell.key)
        }
        let partial = SweepResult(
            xLabel: result.xLabel, yLabel: result.yLabel, xValues: result.xValues, yValues: result.yValues,
            metric: result.metric, cells: kept, overlayX: [], overlay: [], overlayCurve: nil, reusedCells: 0,
            missingCells: missing)
        let draft = try #require(
            try FigureFactory.drafts(
                .sweep([.init(.heatmap)]), for: ExperimentResult(experimentID: "m", seed: 1, body: .sweep(partial))
            ).first)
        #expect(draft.figure.panels[0].notes == ["grey: 2 cell(s) missing, not computed yet or failed"])
    }
}
