import JSON

/// The outcome of a "training" experiment: every run's log plus each variant's state at
/// initialization.
public struct TrainingResult: Sendable, Equatable {
    /// One training run: a variant under one repeat's seed streams.
    public struct RepeatRun: Sendable, Equatable {
        public let repeatIndex: Int
        public let log: TrainingLog
        public let lsuvRescalings: [Int]?

        public init(repeatIndex: Int, log: TrainingLog, lsuvRescalings: [Int]?) {
            self.repeatIndex = repeatIndex
            self.log = log
            self.lsuvRescalings = lsuvRescalings
        }

        /// Mean of the last `count` raw mini-batch losses (fewer if the run is shorter or diverged).
        public func finalLoss(last count: Int = 100) -> Double {
            let tail = log.losses.suffix(count)
            return tail.isEmpty ? .nan : tail.reduce(0.0) { $0 + Double($1) } / Double(tail.count)
        }
    }

    /// Repeat 0 of a variant at initialization, on the probe batch (training-mode forward pass).
    public struct InitialState: Sendable, Equatable {
        /// Per hidden layer: histogram counts of the activations, over `activationEdges`.
        public let activationHistograms: [[Int]]
        /// Per hidden layer: histogram counts of dL/dH (the back-propagated gradient at the
        /// layer's affine output), over `gradientEdges`.
        public let gradientHistograms: [[Int]]
        /// Per hidden layer: variance of the affine outputs H (over units and samples).
        public let preactivationVariances: [Double]
        /// Per hidden layer: standard deviation of dL/dH.
        public let gradientStandardDeviations: [Double]
        /// Values outside the shared edges, per layer: activations, then gradients.
        public let activationsOutside: [Int]
        public let gradientsOutside: [Int]

        public init(
            activationHistograms: [[Int]], gradientHistograms: [[Int]], preactivationVariances: [Double],
            gradientStandardDeviations: [Double], activationsOutside: [Int], gradientsOutside: [Int]
        ) {
            self.activationHistograms = activationHistograms
            self.gradientHistograms = gradientHistograms
            self.preactivationVariances = preactivationVariances
            self.gradientStandardDeviations = gradientStandardDeviations
            self.activationsOutside = activationsOutside
            self.gradientsOutside = gradientsOutside
        }
    }

    /// All runs of one variant.
    public struct VariantRuns: Sendable, Equatable {
        public let key: String
        public let label: String
        public let runs: [RepeatRun]
        public let initial: InitialState

        public init(key: String, label: String, runs: [RepeatRun], initial: InitialState) {
            self.key = key
            self.label = label
            self.runs = runs
            self.initial = initial
        }
    }

    /// What was trained on.
    public let dataSummary: String
    public let classCount: Int
    public let iterations: Int
    /// Training samples whose accuracy is reported (the first `evaluation_train_size`, or all).
    public let evaluationTrainSamples: Int
    public let activationEdges: [Double]
    public let gradientEdges: [Double]
    public let variants: [VariantRuns]

    public init(
        dataSummary: String, classCount: Int, iterations: Int, evaluationTrainSamples: Int, activationEdges: [Double],
        gradientEdges: [Double],
        variants: [VariantRuns]
    ) {
        self.dataSummary = dataSummary
        self.classCount = classCount
        self.iterations = iterations
        self.evaluationTrainSamples = evaluationTrainSamples
        self.activationEdges = activationEdges
        self.gradientEdges = gradientEdges
        self.variants = variants
    }

    var json: JSONValue {
        [
            "data": .string(dataSummary),
            "classes": .integer(classCount),
            "iterations": .integer(iterations),
            "evaluation_train_samples": .integer(evaluationTrainSamples),
            "activation_edges": ResultValue.numbers(activationEdges),
            "gradient_edges": ResultValue.numbers(gradientEdges),
            "variants": .array(
                variants.map { variant in
                    [
                        "key": .string(variant.key),
                        "label": .string(variant.label),
                        "initial": [
                            "preactivation_variance": ResultValue.numbers(variant.initial.preactivationVariances),
                            "gradient_std": ResultValue.numbers(variant.initial.gradientStandardDeviations),
                            "activation_histograms": .array(
                                variant.initial.activationHistograms.map(ResultValue.integers)),
                            "gradient_histograms": .array(variant.initial.gradientHistograms.map(ResultValue.integers)),
                            "activations_outside": ResultValue.integers(variant.initial.activationsOutside),
                            "gradients_outside": ResultValue.integers(variant.initial.gradientsOutside),
                        ],
                        "runs": .array(variant.runs.map(Self.json)),
                    ]
                }),
        ]
    }

    private static func json(_ run: RepeatRun) -> JSONValue {
        var object: JSONObject = [
            "repeat": .integer(run.repeatIndex),
            "diverged_at": run.log.divergedAt.map { .integer($0) } ?? .null,
            "final_loss_last_100": ResultValue.number(run.finalLoss()),
        ]
        if let rescalings = run.lsuvRescalings { object["lsuv_rescalings"] = ResultValue.integers(rescalings) }
        object["evaluations"] = .array(
            run.log.evaluations.map { evaluation in
                [
                    "iteration": .integer(evaluation.iteration),
                    "train_accuracy": ResultValue.number(evaluation.trainAccuracy),
                    "test_accuracy": ResultValue.number(evaluation.testAccuracy),
                    "test_loss": ResultValue.number(evaluation.testLoss),
                ]
            })
        object["snapshots"] = .array(
            run.log.snapshots.map { snapshot in
                [
                    "iteration": .integer(snapshot.iteration),
                    "activation_mean": ResultValue.numbers(snapshot.activationMean),
                    "activation_std": ResultValue.numbers(snapshot.activationStd),
                    "activation_p98": ResultValue.numbers(snapshot.activation98thPercentile),
                    "gradient_norms": ResultValue.numbers(snapshot.gradientNorms),
                ]
            })
        object["losses"] = ResultValue.numbers(run.log.losses)
        return .object(object)
    }

    var arrays: [NamedArray] {
        [
            NamedArray(name: "activation_edges", values: activationEdges),
            NamedArray(name: "gradient_edges", values: gradientEdges),
        ]
            + variants.flatMap { variant -> [NamedArray] in
                let prefix = "variants/\(variant.key)"
                var arrays = [
                    NamedArray(
                        name: "\(prefix)/initial/preactivation_variance", values: variant.initial.preactivationVariances
                    ),
                    NamedArray(
                        name: "\(prefix)/initial/activation_histograms",
                        values: variant.initial.activationHistograms.flatMap { $0.map(Double.init) }),
                    NamedArray(
                        name: "\(prefix)/initial/gradient_histograms",
                        values: variant.initial.gradientHistograms.flatMap { $0.map(Double.init) }),
                ]
                for run in variant.runs {
                    let runPrefix = "\(prefix)/runs/\(run.repeatIndex)"
                    arrays.append(NamedArray(name: "\(runPrefix)/losses", values: run.log.losses.map(Double.init)))
                    arrays.append(
                        NamedArray(
                            name: "\(runPrefix)/evaluations",
                            values: run.log.evaluations.flatMap {
                                [Double($0.iteration), $0.trainAccuracy, $0.testAccuracy, $0.testLoss]
                            }))
                    arrays.append(
                        NamedArray(
                            name: "\(runPrefix)/snapshots",
                            values: run.log.snapshots.flatMap {
                                [Double($0.iteration)] + $0.activationMean + $0.activationStd
                                    + $0.activation98thPercentile + $0.gradientNorms
                            }))
                }
                return arrays
            }
    }
}
