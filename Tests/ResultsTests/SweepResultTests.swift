import ExperimentKinds
import JSON
import Testing

@testable import Results

@Suite struct SweepResultTests {
    static func result(xLabel: String = "σw²", reused: Int = 0) -> SweepResult {
        SweepResult(
            xLabel: xLabel, yLabel: "depth", xValues: [1, 2], yValues: [4], metric: .testAccuracy,
            cells: [
                SweepResult.Cell(xIndex: 0, yIndex: 0, key: "a", value: 0.5, divergedRuns: 0),
                SweepResult.Cell(xIndex: 1, yIndex: 0, key: "b", value: .infinity, divergedRuns: 1),
            ],
            overlayX: [], overlay: [], overlayCurve: nil, reusedCells: reused)
    }

    /// Equality covers everything results.json holds, and nothing it leaves out.
    @Test func equalityFollowsTheWrittenFields() {
        #expect(Self.result() == Self.result(reused: 2))
        #expect(Self.result() != Self.result(xLabel: "σb²"))
        #expect(Self.result().json == Self.result(reused: 2).json)
        #expect(Self.result().json != Self.result(xLabel: "σb²").json)
    }

    /// Only an incomplete sweep writes missing_cells, so a complete one keeps its bytes.
    @Test func missingCellsAreWrittenOnlyWhenThereAreSome() throws {
        let complete = Self.result()
        #expect(complete.json.value(at: JSONPointer(["missing_cells"])) == nil)
        let partial = SweepResult(
            xLabel: "σw²", yLabel: "depth", xValues: [1, 2, 3], yValues: [4], metric: .testAccuracy,
            cells: complete.cells, overlayX: [], overlay: [], overlayCurve: nil, reusedCells: 0,
            missingCells: [SweepResult.MissingCell(index: 2, xIndex: 2, yIndex: 0, key: "c")])
        let listed = try #require(partial.json.value(at: JSONPointer(["missing_cells", "0", "key"])))
        #expect(listed == .string("c"))
        #expect(partial != complete)
    }
}
