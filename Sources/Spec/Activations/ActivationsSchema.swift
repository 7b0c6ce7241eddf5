import ExperimentKinds
import JSON

/// The schema of the "activations" kind: forward a batch through untrained networks and look at
/// each layer's activations (Deep Learning from Scratch 6.2, after Glorot & Bengio 2010).
enum ActivationsSchema {
    static let schema = Schema.object(
        "An activations experiment.",
        CommonSchemas.header(kind: .activations) + [
            .init("input", input, required: true),
            .init("network", NetworkSchemas.network, required: true),
            .init("variants", NetworkSchemas.variants),
            .init("histogram", histogram),
            .init("figures", CommonSchemas.figures(of: .activations)),
        ])

    static let input = Schema(
        .tagged(
            key: "distribution",
            cases: [
                (
                    "normal",
                    .object(
                        "Samples from N(mean, std^2).",
                        [
                            .init("distribution", .string(oneOf: ["normal"]), required: true),
                            .init(
                                "count", .integer("Number of samples (batch rows).", in: 1...1_000_000), required: true),
                            .init("dimension", .integer("Features per sample.", in: 1...100_000), required: true),
                            .init("mean", .number("Mean.", default: 0)),
                            .init("std", .number("Standard deviation.", positive: true, default: 1)),
                        ])
                ),
                (
                    "uniform",
                    .object(
                        "Samples from U(low, high).",
                        [
                            .init("distribution", .string(oneOf: ["uniform"]), required: true),
                            .init(
                                "count", .integer("Number of samples (batch rows).", in: 1...1_000_000), required: true),
                            .init("dimension", .integer("Features per sample.", in: 1...100_000), required: true),
                            .init("low", .number("Lower bound.", default: -1)),
                            .init("high", .number("Upper bound.", default: 1)),
                        ])
                ),
            ], allowsShorthand: false),
        "The input batch, shared by every variant: count x dimension samples.")

    static let histogram = Schema.object(
        "Histogram settings, shared by every panel of a figure.",
        [
            .init("bins", .integer("Number of bins.", in: 1...1000, default: 30)),
            .init(
                "range",
                Schema(
                    .alternatives([
                        .string("Automatic: one range covering every panel's values.", oneOf: ["auto"]),
                        .array("[low, high].", of: .number(), minItems: 2, maxItems: 2),
                    ]),
                    "Bin range: \"auto\" or [low, high]; values outside are counted and noted, never dropped silently.",
                    default: "auto")),
            .init(
                "values",
                .string(
                    "Which values to histogram.", oneOf: HistogramValues.allCases.map(\.rawValue),
                    default: HistogramValues.activation.rawValue)),
            .init(
                "zeros",
                .string(
                    "Exact zeros of ReLU-family activations: 'separate' counts them apart and notes their share (the spike at 0 would hide the rest); 'bin' puts them in the first bin.",
                    oneOf: ["separate", "bin"], default: "separate")),
        ]
    ).withDefault([:])
}
