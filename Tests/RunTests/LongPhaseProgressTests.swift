import Synchronization
import Testing

@testable import Run
@testable import Spec

@Suite struct LongPhaseProgressTests {
    /// Long phases report as they go: per cell of a phase diagram, per layer of a Jacobian.
    @Test func longPhasesReportProgress() throws {
        let events = Mutex<[RunProgress.Event]>([])
        let progress = RunProgress { event in events.withLock { $0.append(event) } }
        let grid = try SpecLoader.parse(
            """
            {"id": "t", "title": "t", "kind": "meanfield", "seed": 1,
             "phase_diagram": {"activation": "tanh", "sigma_w2": [0.5, 4.5], "sigma_b2": [0, 1], "grid": [6, 5]}}
            """, file: "x.json")
        _ = try ExperimentRunner.run(grid, progress: progress)
        let cells = events.withLock { $0 }.filter { $0.stage == "phase diagram" }
        #expect(cells.count == 31, "a start and one event per cell")
        #expect(cells.map(\.fractionDone).max() == 1)
        events.withLock { $0 = [] }
        let jacobian = try SpecLoader.parse(
            """
            {"id": "t", "title": "t", "kind": "jacobian", "seed": 1, "width": 8, "depths": [12],
             "variants": [{"label": "a", "key": "a", "activation": "tanh", "weights": "gaussian", "sigma_w2": 1.5,
                           "sigma_b2": 0.05}]}
            """, file: "x.json")
        _ = try ExperimentRunner.run(jacobian, progress: progress)
        let layers = events.withLock { $0 }.filter { $0.stage == "a" }.map(\.fractionDone)
        #expect(layers.count == 13 && layers == layers.sorted(), "\(layers)")
    }
}
