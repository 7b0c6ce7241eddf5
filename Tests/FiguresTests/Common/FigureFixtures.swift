import ExperimentKinds
import Figures
import Foundation
import Results
import Run
import Spec

/// A spec and what running it gave.
struct Experiment: Sendable {
    let spec: ExperimentSpec
    let result: ExperimentResult

    /// The figures the spec asks for, laid out.
    func drafts() throws -> [FigureDraft] { try FigureFactory.drafts(spec.figures, for: result) }

    /// The one figure the spec asks for under `name`.
    func draft(_ name: String) throws -> FigureDraft {
        guard let draft = try drafts().first(where: { $0.name == name }) else {
            throw FixtureError(description: "\(spec.id) has no figure \"\(name)\"")
        }
        return draft
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
}

/// Small but real experiments of every kind, each run once per test process (a fraction of a
/// second each in a debug build) and shared by the figure suites.
enum FigureFixtures {
    static func run(_ text: String) -> Result<Experiment, any Error> {
        Result {
            let spec = try SpecLoader.parse(text, file: "figures.json")
            return Experiment(spec: spec, result: try ExperimentRunner.run(spec))
        }
    }

    /// Each kind's fixture asks for every figure type of its kind (the coverage test checks it).
    static func experiment(of kind: ExperimentKind) throws -> Experiment {
        switch kind {
        case .activations: try reluActivations.get()
        case .training: try training.get()
        case .meanField: try meanField.get()
        case .jacobian: try jacobian.get()
        case .sweep: try sweep.get()
        }
    }

    /// Ten ReLU layers (more than a figure shows), He against weights of std 0.01, whose
    /// activations vanish layer after layer.
    static let reluActivations = run(
        """
        {"id": "relu", "title": "ReLU", "kind": "activations", "seed": 1,
         "input": {"distribution": "normal", "count": 40, "dimension": 20},
         "network": {"depth": 10, "width": 20, "activation": "relu", "initializer": "he-normal"},
         "variants": [{"label": "He", "initializer": "he-normal"}, {"label": "std 0.01", "initializer": {"name": "normal", "std": 0.01}}],
         "histogram": {"bins": 12, "range": [0, 1]},
         "figures": [{"type": "histograms"}, {"type": "layer-statistics"}]}
        """)

    /// Four sigmoid layers: std 1 saturates, Xavier does not.
    static let sigmoidActivations = run(
        """
        {"id": "sigmoid", "title": "sigmoid", "kind": "activations", "seed": 2,
         "input": {"distribution": "normal", "count": 50, "dimension": 100},
         "network": {"depth": 4, "width": 100, "activation": "sigmoid", "initializer": "glorot-normal"},
         "variants": [{"label": "std 1", "initializer": {"name": "normal", "std": 1}}, {"label": "Xavier", "initializer": "glorot-normal"}],
         "histogram": {"bins": 10, "range": [0, 1], "values": "preactivation"},
         "figures": [{"type": "histograms", "size": "column", "caption": "A caption of our own."}, {"type": "layer-statistics", "size": {"width": 4, "height": 2}}]}
        """)

    /// Linear layers with weights of std 1e12: the single-precision activations overflow to
    /// infinity by the third layer.
    static let overflowingActivations = run(
        """
        {"id": "overflow", "title": "overflow", "kind": "activations", "seed": 3,
         "input": {"distribution": "normal", "count": 20, "dimension": 10},
         "network": {"depth": 4, "width": 10, "activation": "identity", "initializer": "glorot-normal"},
         "variants": [{"label": "Glorot", "initializer": "glorot-normal"}, {"label": "std 1e12", "initializer": {"name": "normal", "std": 1e12}}],
         "histogram": {"bins": 8, "range": [-1, 1]},
         "figures": [{"type": "histograms"}, {"type": "layer-statistics"}]}
        """)

    /// Ten tanh layers trained twice per variant on Gaussian blobs: weights of std 0.01
    /// (vanishing signal and gradients), Glorot, and a ReLU variant whose learning rate makes it
    /// diverge.
    static let training = run(
        """
        {"id": "train", "title": "training", "kind": "training", "seed": 4, "repeats": 2,
         "data": {"name": "synthetic", "classes": 3, "dimension": 12, "train_size": 300, "test_size": 90, "separation": 1.5},
         "network": {"depth": 10, "width": 12, "activation": "tanh", "initializer": "glorot-normal"},
         "training": {"iterations": 60, "batch_size": 20, "optimizer": {"name": "sgd", "learning_rate": 0.05},
                      "statistics_every": 20, "evaluation_every": 20, "probe_size": 50, "evaluation_train_size": 120,
                      "histogram_bins": 20},
         "variants": [{"label": "std 0.01", "key": "small", "initializer": {"name": "normal", "std": 0.01}},
                      {"label": "Glorot", "key": "glorot", "initializer": "glorot-normal"},
                      {"label": "diverging", "key": "diverging", "activation": "relu", "initializer": "he-normal",
                       "optimizer": {"name": "sgd", "learning_rate": 1e6}}],
         "figures": [{"type": "loss"}, {"type": "accuracy"}, {"type": "layer-statistics"}, {"type": "gradient-histograms"},
                     {"type": "activation-histograms"}, {"type": "variance-by-depth"}, {"type": "loss", "name": "log-loss", "log_y": true}]}
        """)

    /// Every section of the mean-field kind, on small grids (each depth scale costs about 0.15 s
    /// in a debug build).
    static let meanField = run(
        """
        {"id": "mf", "title": "mean field", "kind": "meanfield", "seed": 1,
         "phase_diagram": {"activation": "tanh", "sigma_w2": [0.5, 4.5], "sigma_b2": [0, 1], "grid": [5, 4], "color": "log-xi-c"},
         "depth_scales": {"activation": "tanh", "sigma_b2": 0.05, "sigma_w2": [0.5, 4.5], "points": 11},
         "correlation_depth": {"activations": ["relu", "tanh", "swish"], "sigma_b2": [0.04, 0.25], "c0": 0.5, "depth": 30},
         "empirical": {"activation": "tanh", "sigma_w2": 1.5, "sigma_b2": 0.05, "width": 100, "depth": 5, "seeds": 6, "q0": 2, "c0": 0.3},
         "figures": [{"type": "phase-diagram"}, {"type": "depth-scales"}, {"type": "correlation-depth"}, {"type": "empirical-maps"}]}
        """)

    /// The phase diagram coloured by c* instead.
    static let correlationPhaseDiagram = run(
        """
        {"id": "cstar", "title": "c star", "kind": "meanfield", "seed": 1,
         "phase_diagram": {"activation": "tanh", "sigma_w2": [0.5, 4.5], "sigma_b2": [0, 1], "grid": [3, 2], "color": "c-star"},
         "figures": [{"type": "phase-diagram"}]}
        """)

    /// Three networks of width 32 at depths 2 and 8: near-isometric tanh, spreading ReLU, and an
    /// exactly isometric linear one.
    static let jacobian = run(
        """
        {"id": "jac", "title": "jacobian", "kind": "jacobian", "seed": 3, "width": 32, "depths": [2, 8], "bins": 20,
         "variants": [
           {"label": "tanh, orthogonal", "key": "to", "activation": "tanh", "weights": "orthogonal", "sigma_w2": "critical", "sigma_b2": 0.0001},
           {"label": "ReLU, Gaussian", "key": "rg", "activation": "relu", "weights": "gaussian", "sigma_w2": 2, "sigma_b2": 0},
           {"label": "linear, orthogonal", "key": "lo", "activation": "identity", "weights": "orthogonal", "sigma_w2": 1, "sigma_b2": 0}],
         "figures": [{"type": "spectra"}, {"type": "spectrum-moments"}]}
        """)

    /// Twelve cells of 20 SGD steps on Gaussian blobs: 4 weight variances (a linear axis) by
    /// depths 1, 4 and 16 (a log axis). The overlay curve is added by hand: the run would spend
    /// 40 s of a debug build on its 201 depth scales, and the figure only draws the numbers.
    static let sweep = run(sweepText).map { experiment in
        guard case .sweep(let cells) = experiment.result.body else { return experiment }
        let x = (0...200).map { 0.25 + 4.75 * Double($0) / 200 }
        let result = SweepResult(
            xLabel: cells.xLabel, yLabel: cells.yLabel, xValues: cells.xValues, yValues: cells.yValues,
            metric: cells.metric, cells: cells.cells, overlayX: x, overlay: x.map { 12 / (abs($0 - 1.76) + 0.05) },
            overlayCurve: SweepResult.OverlayCurve(activation: "tanh", sigmaB2: 0.05, multiple: 6), reusedCells: 0)
        return Experiment(
            spec: experiment.spec,
            result: ExperimentResult(experimentID: experiment.result.experimentID, seed: 9, body: .sweep(result)))
    }

    static let sweepText =
        """
        {"id": "sw", "title": "sweep", "kind": "sweep", "seed": 9,
         "base": {"data": {"name": "synthetic", "classes": 3, "dimension": 8, "train_size": 120, "test_size": 60, "separation": 1.5},
                  "network": {"depth": 2, "width": 8, "activation": "tanh",
                              "initializer": {"name": "variance-scaling", "scale": 1, "mode": "fan_in", "distribution": "untruncated-normal"}},
                  "training": {"iterations": 20, "batch_size": 20, "optimizer": {"name": "sgd", "learning_rate": 0.1},
                               "statistics_every": 20, "evaluation_every": 0, "probe_size": 20}},
         "axes": [{"path": "/network/initializer/scale", "label": "σw²", "values": [0.5, 1, 2, 4]},
                  {"path": "/network/depth", "label": "depth", "values": [1, 4, 16]}],
         "metric": "test_accuracy",
         "figures": [{"type": "heatmap"}]}
        """
}
