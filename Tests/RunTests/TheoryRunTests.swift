import ExperimentKinds
import Foundation
import Results
import Run
import Spec
import Testing

/// The "meanfield", "jacobian" and "sweep" kinds on small specs.
@Suite struct TheoryRunTests {
    static func run(_ text: String, store: SweepCellStore? = nil) throws -> ExperimentResult.Body {
        try ExperimentRunner.run(try SpecLoader.parse(text, file: "theory.json"), cellStore: store).body
    }

    @Test func meanFieldExperimentComputesEveryPart() throws {
        guard
            case .meanField(let result) = try Self.run(
                """
                {"id": "mf", "title": "mf", "kind": "meanfield", "seed": 1,
                 "phase_diagram": {"activation": "tanh", "sigma_w2": [1, 3], "sigma_b2": [0, 0.2], "grid": [3, 2], "color": "log-xi-c"},
                 "depth_scales": {"activation": "tanh", "sigma_b2": 0.05, "sigma_w2": [1, 3], "points": 3},
                 "correlation_depth": {"activations": ["relu", "tanh", "swish", "gelu"], "sigma_b2": [0.04], "c0": 0.5, "depth": 300},
                 "empirical": {"activation": "tanh", "sigma_w2": 1.5, "sigma_b2": 0.05, "width": 200, "depth": 5, "seeds": 8, "q0": 2, "c0": 0.3},
                 "figures": [{"type": "phase-diagram"}, {"type": "depth-scales"}, {"type": "correlation-depth"}, {"type": "empirical-maps"}]}
                """)
        else {
            Issue.record("wrong kind")
            return
        }
        let diagram = try #require(result.phaseDiagram)
        #expect(diagram.values.count == 2 && diagram.values.allSatisfy { $0.count == 3 })
        #expect(diagram.sigmaW2Edges.count == 4 && diagram.sigmaB2Edges.count == 3)
        // Oracle: the tanh edge of chaos at sigma_b^2 = 0.05 is sigma_w^2 = 1.76095.
        let critical = try #require(result.depthScales?.critical)
        #expect(abs(critical - 1.76095) < 1e-5, "\(critical)")
        let curves = Dictionary(uniqueKeysWithValues: result.correlationCurves.map { ($0.activation, $0) })
        #expect(curves["tanh"]?.repelling == false && curves["ReLU"]?.repelling == false)
        #expect(curves["ReLU"]?.singleCriticalPoint == true && curves["tanh"]?.singleCriticalPoint == false)
        #expect(
            curves["swish"]?.repelling == true && curves["GELU"]?.repelling == true,
            "swish and GELU repel at small sigma_b^2")
        // Hayou et al.: on the ReLU edge of chaos 1 - c^l ~ 9 pi^2 / (2 l^2).
        let relu = try #require(curves["ReLU"])
        let asymptote = 9 * Double.pi * Double.pi / (2 * 300 * 300)
        #expect(abs(relu.oneMinusC[300] / asymptote - 1) < 0.1, "\(relu.oneMinusC[300]) vs \(asymptote)")
        let empirical = try #require(result.empirical)
        #expect(empirical.qWithinThreeErrors >= 4, "\(empirical.qWithinThreeErrors) of 5 layers within 3 SE")
    }

    @Test func jacobianSpectraFollowTheFreeProbabilityMoments() throws {
        guard
            case .jacobian(let result) = try Self.run(
                """
                {"id": "jac", "title": "jac", "kind": "jacobian", "seed": 3, "width": 64, "depths": [2, 8], "bins": 20,
                 "variants": [
                   {"label": "tanh orthogonal", "key": "to", "activation": "tanh", "weights": "orthogonal", "sigma_w2": "critical", "sigma_b2": 0.0001},
                   {"label": "ReLU Gaussian", "key": "rg", "activation": "relu", "weights": "gaussian", "sigma_w2": 2, "sigma_b2": 0}],
                 "figures": [{"type": "spectra"}, {"type": "spectrum-moments"}]}
                """)
        else {
            Issue.record("wrong kind")
            return
        }
        let orthogonal = result.variants[0]
        let relu = result.variants[1]
        #expect(abs(orthogonal.chi1 - 1) < 1e-9)
        // Near-isometry: every squared singular value of the orthogonal tanh network stays near 1.
        #expect(orthogonal.spectra[0].squaredSingularValues.allSatisfy { $0 > 0.2 && $0 < 1.5 })
        // Bias-free ReLU is probed at q = 1, not at its trivial fixed point 0 (where J would vanish).
        #expect(relu.inputVariance == 1 && abs(relu.chi1 - 1) < 1e-9)
        #expect(relu.spectra.map(\.depth) == [2, 8] && orthogonal.spectra[0].squaredSingularValues.count == 64)
        for spectrum in relu.spectra {
            #expect(spectrum.squaredSingularValues.count == 64)
            #expect(
                abs(spectrum.mean - spectrum.predictedMean) < 0.5 * spectrum.predictedMean,
                "depth \(spectrum.depth): mean \(spectrum.mean)")
        }
        #expect(relu.spectra[1].variance > relu.spectra[0].variance, "the spectrum spreads with depth")
    }

    static func sweepSpec(overlay: Bool) -> String {
        overlay ? sweepText : sweepText.replacingOccurrences(of: overlayMember, with: "")
    }

    /// A ReLU overlay: its 201 depth scales take 2 s of a debug build where tanh's take 11, and
    /// the test is about the cells, which no overlay changes.
    static let overlayMember = #""overlay": {"activation": "relu", "sigma_b2": 0, "multiple": 6},"#

    static let sweepText = """
        {"id": "sw", "title": "sw", "kind": "sweep", "seed": 9,
         "base": {"data": {"name": "synthetic", "classes": 3, "dimension": 8, "train_size": 120, "test_size": 60, "separation": 1.5},
                  "network": {"depth": 2, "width": 8, "activation": "tanh",
                              "initializer": {"name": "variance-scaling", "scale": 1, "mode": "fan_in", "distribution": "untruncated-normal"}},
                  "training": {"iterations": 20, "batch_size": 20, "optimizer": {"name": "sgd", "learning_rate": 0.1},
                               "statistics_every": 20, "evaluation_every": 0, "probe_size": 20}},
         "axes": [{"path": "/network/initializer/scale", "label": "σw²", "values": [0.5, 1, 2]},
                  {"path": "/network/depth", "label": "depth", "values": [1, 3]}],
         "metric": "test_accuracy",
         "overlay": {"activation": "relu", "sigma_b2": 0, "multiple": 6},
         "figures": [{"type": "heatmap"}]}
        """

    /// A store in memory that counts what it is asked to save.
    final class MemoryStore: SweepCellStore, @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String: SweepCellStoreEntry] = [:]
        private var values: [String: [Double]] = [:]
        private(set) var saves = 0
        private(set) var valueSaves = 0

        func key(for cell: ExperimentSpec, metric: SweepMetric) -> String {
            cell.canonicalText + metric.rawValue
        }
        func load(key: String) -> SweepCellStoreEntry? { lock.withLock { entries[key] } }
        func save(key: String, entry: SweepCellStoreEntry) {
            lock.withLock {
                entries[key] = entry
                saves += 1
            }
        }
        func key(forComputation description: String) -> String { description }
        func loadValues(key: String) -> [Double]? { lock.withLock { values[key] } }
        func saveValues(_ stored: [Double], key: String) {
            lock.withLock {
                values[key] = stored
                valueSaves += 1
            }
        }
        /// Replaces every stored value list by a marker, to tell stored values from computed ones.
        func markStoredValues(dropping count: Int) {
            lock.withLock {
                let kept = values.keys.sorted().dropFirst(count)
                values = Dictionary(
                    uniqueKeysWithValues: kept.map { ($0, values[$0].map { $0.map { _ in -1 } } ?? []) })
            }
        }
        func drop(keepingFirst count: Int) {
            lock.withLock {
                entries = Dictionary(
                    uniqueKeysWithValues: entries.sorted { $0.key < $1.key }.prefix(count).map { ($0.key, $0.value) })
            }
        }
    }

    @Test func sweepStoresEveryCellAndAResumedSweepRecomputesOnlyTheMissingOnes() throws {
        let store = MemoryStore()
        guard case .sweep(let fresh) = try Self.run(Self.sweepSpec(overlay: true), store: store) else {
            Issue.record("wrong kind")
            return
        }
        #expect(fresh.cells.count == 6 && store.saves == 6 && fresh.reusedCells == 0)
        #expect(fresh.cells.allSatisfy { $0.value >= 0 && $0.value <= 1 })
        #expect(fresh.overlayX.count == 201 && fresh.overlay.count == 201 && fresh.overlay.allSatisfy(\.isFinite))
        // As if the first run had been killed after two cells: only four are computed again.
        store.drop(keepingFirst: 2)
        // (The overlay curve is left out of the reruns: it does not change the cells or their keys.)
        guard case .sweep(let resumed) = try Self.run(Self.sweepSpec(overlay: false), store: store) else {
            Issue.record("wrong kind")
            return
        }
        #expect(store.saves == 10 && resumed.reusedCells == 2)
        #expect(resumed.cells == fresh.cells, "a resumed sweep has the same results")
        guard case .sweep(let cached) = try Self.run(Self.sweepSpec(overlay: false), store: store) else {
            Issue.record("wrong kind")
            return
        }
        #expect(store.saves == 10 && cached.reusedCells == 6 && cached.cells == fresh.cells)
    }

    /// The overlay curve is stored chunk by chunk, so a sweep killed during it resumes there.
    @Test func overlayCurveIsStoredInChunksAndServedOnResume() throws {
        let store = MemoryStore()
        guard case .sweep(let fresh) = try Self.run(Self.sweepSpec(overlay: true), store: store) else {
            Issue.record("wrong kind")
            return
        }
        let chunks = (201 + 19) / 20
        #expect(store.valueSaves == chunks)
        // As if killed after all but three chunks: those three are computed, the rest served.
        store.markStoredValues(dropping: 3)
        guard case .sweep(let resumed) = try Self.run(Self.sweepSpec(overlay: true), store: store) else {
            Issue.record("wrong kind")
            return
        }
        #expect(store.valueSaves == chunks + 3)
        let served = resumed.overlay.filter { $0 == -6 }.count
        #expect(served > 0 && served <= 201 - 3 && resumed.overlay.count == 201)
        let recomputed = zip(resumed.overlay, fresh.overlay).filter { $0.0 != -6 }
        #expect(recomputed.count == 201 - served && recomputed.allSatisfy { $0.0 == $0.1 })
    }
}
