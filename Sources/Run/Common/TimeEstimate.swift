import Foundation
import LinearAlgebra
import Spec

/// How long a run of a spec takes, by part, estimated from the spec alone so that a spec that
/// would run for hours is refused up front with the numbers, rather than left to run silently.
///
/// The unit costs are seconds on one core of the development machine (release build, measured
/// on the kernels the runs use; see the README's "Limits"); a slower machine or a debug build
/// takes longer, so the estimate is an order of magnitude, not a promise. Parallel parts are
/// divided by the threads they can use.
public struct TimeEstimate: Sendable, Equatable {
    public struct Part: Sendable, Equatable {
        public let name: String
        public let seconds: Double
    }

    /// Unit costs, in seconds.
    enum Cost {
        /// One multiply-add of a Float product (GEMM kernel, one core).
        static let floatMultiplyAdd = 5e-11
        /// One multiply-add of the Jacobian's Double matrix product.
        static let doubleMultiplyAdd = 2.2e-8
        /// One n^3 of the symmetric eigenvalue solver (per requested depth).
        static let eigenvalueCube = 5.5e-8
        /// One value summarized (moments, histogram, percentiles) or generated (a normal draw).
        static let value = 2e-8
        /// One cell of the phase diagram or point of the depth scales (fixed points and xi).
        static let meanFieldPoint = 0.028
        /// One layer of the correlation map for one (activation, sigma_b^2) pair.
        static let correlationLayer = 1.2e-3
        /// One weight of a finite-width network (drawn and applied to two inputs).
        static let finiteWidthWeight = 1e-7
    }

    public private(set) var parts: [Part] = []

    public init() {}

    mutating func add(_ name: String, seconds: Double) {
        guard seconds > 0, seconds.isFinite else { return }
        if let index = parts.firstIndex(where: { $0.name == name }) {
            parts[index] = Part(name: name, seconds: parts[index].seconds + seconds)
        } else {
            parts.append(Part(name: name, seconds: seconds))
        }
    }

    public var totalSeconds: Double { parts.reduce(0) { $0 + $1.seconds } }

    /// "about 49 h (jacobian products 48 h, eigenvalues 1 h)", largest parts first.
    public var summary: String {
        let listed = parts.sorted { $0.seconds > $1.seconds }.map { "\($0.name) \(Self.format($0.seconds))" }
        return "about \(Self.format(totalSeconds)) (\(listed.joined(separator: ", ")))"
    }

    /// Two significant units: "40 s", "12 min", "3.5 h", "12 days".
    public static func format(_ seconds: Double) -> String {
        func rounded(_ value: Double) -> String {
            let text = String(format: value >= 10 ? "%.0f" : "%.1f", value)
            return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        }
        if seconds < 60 { return "\(rounded(seconds)) s" }
        if seconds < 3600 { return "\(rounded(seconds / 60)) min" }
        if seconds < 3 * 86400 { return "\(rounded(seconds / 3600)) h" }
        return "\(rounded(seconds / 86400)) days"
    }

    /// The estimate of a run of `spec` on `threads` threads.
    public static func of(_ spec: ExperimentSpec, threads: Int = ComputeThreads.count) -> TimeEstimate {
        var estimate = TimeEstimate()
        let threads = Double(max(1, threads))
        switch spec.body {
        case .activations(let experiment): estimate.addActivations(experiment)
        case .training(let experiment): estimate.addTraining(experiment, threads: threads)
        case .meanField(let experiment): estimate.addMeanField(experiment, threads: threads)
        case .jacobian(let experiment): estimate.addJacobian(experiment)
        case .sweep(let sweep):
            for cell in sweep.cells { estimate.addTraining(cell.training, threads: threads) }
        }
        return estimate
    }

    private mutating func addActivations(_ experiment: ActivationsExperiment) {
        let count = Double(experiment.input.count)
        add("input", seconds: count * Double(experiment.input.dimension) * Cost.value)
        for variant in experiment.variants {
            var inputs = Double(experiment.input.dimension)
            for width in variant.network.widths.map(Double.init) {
                add("products", seconds: count * inputs * width * Cost.floatMultiplyAdd)
                add("statistics", seconds: 4 * count * width * Cost.value)
                inputs = width
            }
        }
    }

    private mutating func addTraining(_ experiment: TrainingExperiment, threads: Double) {
        let shape = TrainingRun.dataShape(experiment, dataRoot: URL(fileURLWithPath: "/"))
        if case .gaussianBlobs = experiment.data {
            add("data", seconds: (shape.train + shape.test) * shape.features * Cost.value)
        }
        let runs = Double(experiment.repeats * experiment.variants.count)
        // Runs share the threads; one run uses at most all of them.
        let share = min(threads, runs)
        let iterations = Double(experiment.iterations)
        let evaluations = iterations / Double(max(experiment.evaluationEvery, 1)) + 2
        let snapshots = iterations / Double(max(experiment.statisticsEvery, 1)) + 2
        let evaluated = min(Double(experiment.evaluationTrainSize), shape.train) + shape.test
        let probe = min(Double(experiment.probeSize), shape.train)
        for variant in experiment.variants {
            let widths = [shape.features] + variant.network.widths.map(Double.init) + [shape.classes]
            var multiplyAdds = 0.0
            for layer in 0..<(widths.count - 1) { multiplyAdds += widths[layer] * widths[layer + 1] }
            let units = widths.dropFirst().reduce(0, +)
            let repeats = Double(experiment.repeats)
            add(
                "training steps",
                seconds: repeats * iterations * Double(experiment.batchSize)
                    * (3 * multiplyAdds * Cost.floatMultiplyAdd
                        + 6 * units * Cost.value) / share)
            add(
                "evaluations",
                seconds: repeats * evaluations * evaluated * multiplyAdds * Cost.floatMultiplyAdd / share)
            add(
                "statistics",
                seconds: repeats * snapshots * probe * (multiplyAdds * Cost.floatMultiplyAdd + 4 * units * Cost.value)
                    / share)
        }
    }

    private mutating func addMeanField(_ experiment: MeanFieldExperiment, threads: Double) {
        if let diagram = experiment.phaseDiagram {
            add("phase diagram", seconds: Double(diagram.rows * diagram.columns) * Cost.meanFieldPoint / threads)
        }
        if let scales = experiment.depthScales {
            add("depth scales", seconds: Double(scales.points) * Cost.meanFieldPoint / threads)
        }
        if let curves = experiment.correlationDepth {
            let pairs = Double(curves.activations.count * max(curves.sigmaB2.count, 1))
            add(
                "correlation against depth",
                seconds: pairs * Double(curves.depth) * Cost.correlationLayer / min(threads, pairs))
        }
        if let empirical = experiment.empirical {
            let seeds = Double(empirical.seeds)
            let weights = Double(empirical.width) * Double(empirical.width) * Double(empirical.depth)
            add("finite-width networks", seconds: seeds * weights * Cost.finiteWidthWeight / min(threads, seeds))
        }
    }

    private mutating func addJacobian(_ experiment: JacobianExperiment) {
        let cube = pow(Double(experiment.width), 3)
        let deepest = Double(experiment.depths.max() ?? 1)
        for variant in experiment.variants {
            add("jacobian products", seconds: deepest * cube * Cost.doubleMultiplyAdd)
            if variant.orthogonal { add("orthogonal weights", seconds: deepest * cube * Cost.doubleMultiplyAdd) }
            add("eigenvalues", seconds: Double(experiment.depths.count) * cube * Cost.eigenvalueCube)
        }
    }
}
