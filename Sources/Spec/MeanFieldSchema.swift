import JSON

/// The schema of the "meanfield" kind: mean-field theory of signal propagation drawn as the
/// papers' figures, checked against finite networks.
enum MeanFieldSchema {
    static let figureTypes = ["phase-diagram", "depth-scales", "correlation-depth", "empirical-maps"]

    static let range = Schema.array("[low, high].", of: .number(), minItems: 2, maxItems: 2)

    static let schema = Schema.object(
        "A mean-field experiment: each section feeds the figure of the same name.",
        CommonSchemas.header(kind: "meanfield") + [
            .init(
                "phase_diagram",
                .object(
                    "Poole/Schoenholz phase diagram over (sigma_w^2, sigma_b^2).",
                    [
                        .init("activation", CommonSchemas.activation, required: true),
                        .init("sigma_w2", range.described("Range of the weight variance."), required: true),
                        .init("sigma_b2", range.described("Range of the bias variance."), required: true),
                        .init(
                            "grid",
                            .array(
                                "Cells along sigma_w^2 and sigma_b^2.", of: .integer(in: 2...400), minItems: 2,
                                maxItems: 2
                            ).withDefault([60, 40])),
                        .init(
                            "color",
                            .string(
                                "What the colour shows: log10 of xi_c, or c*.", oneOf: ["log-xi-c", "c-star"],
                                default: "log-xi-c")),
                    ])),
            .init(
                "depth_scales",
                .object(
                    "xi_c and xi_q against sigma_w^2 at one sigma_b^2.",
                    [
                        .init("activation", CommonSchemas.activation, required: true),
                        .init("sigma_b2", .number("Bias variance.", minimum: 0), required: true),
                        .init("sigma_w2", range.described("Range of the weight variance."), required: true),
                        .init("points", .integer("Points along sigma_w^2.", in: 3...2000, default: 120)),
                    ])),
            .init(
                "correlation_depth",
                .object(
                    "Hayou et al.: 1 - c^l against depth on the edge of chaos, log-log.",
                    [
                        .init(
                            "activations", .array("Activations compared.", of: CommonSchemas.activation, minItems: 1),
                            required: true),
                        .init(
                            "sigma_b2",
                            .array(
                                "Bias variances; each activation is put on its edge of chaos there (ReLU: sigma_b^2 = 0, sigma_w^2 = 2).",
                                of: .number(minimum: 0), minItems: 1), required: true),
                        .init("c0", .number("Input correlation.", minimum: -0.99, maximum: 0.999, default: 0.5)),
                        .init("depth", .integer("Layers.", in: 2...100_000, default: 300)),
                    ])),
            .init(
                "empirical",
                .object(
                    "q^l and c^l measured in random networks of finite width against the maps.",
                    [
                        .init("activation", CommonSchemas.activation, required: true),
                        .init("sigma_w2", .number("Weight variance.", positive: true), required: true),
                        .init("sigma_b2", .number("Bias variance.", minimum: 0), required: true),
                        .init("width", .integer("Units per layer.", in: 2...5000, default: 1000)),
                        .init("depth", .integer("Layers.", in: 1...1000, default: 20)),
                        .init("seeds", .integer("Independent networks.", in: 2...1000, default: 20)),
                        .init("q0", .number("Input variance.", positive: true, default: 2)),
                        .init("c0", .number("Input correlation.", minimum: -0.99, maximum: 0.99, default: 0.3)),
                    ])),
            .init("figures", CommonSchemas.figures(types: figureTypes)),
        ])
}

/// The schema of the "jacobian" kind: singular-value spectra of input-output Jacobians.
enum JacobianSchema {
    static let figureTypes = ["spectra", "spectrum-moments"]

    static let schema = Schema.object(
        "A Jacobian-spectrum experiment (Pennington et al. 2017).",
        CommonSchemas.header(kind: "jacobian") + [
            .init("width", .integer("Units per layer.", in: 2...2000, default: 200)),
            .init(
                "depths",
                .array("Depths at which the spectrum is taken.", of: .integer(in: 1...1000), minItems: 1).withDefault([
                    4, 16, 64,
                ])),
            .init("bins", .integer("Histogram bins.", in: 5...500, default: 50)),
            .init(
                "variants",
                .array(
                    "Networks compared.",
                    of: .object(
                        "One network.",
                        [
                            .init("label", .string("Name in figures.", nonEmpty: true), required: true),
                            .init("key", .string("Stream key (default: from the label).", nonEmpty: true)),
                            .init("activation", CommonSchemas.activation, required: true),
                            .init(
                                "weights", .string("gaussian or orthogonal.", oneOf: ["gaussian", "orthogonal"]),
                                required: true),
                            .init(
                                "sigma_w2",
                                Schema(
                                    .alternatives([
                                        .number("Weight variance.", positive: true),
                                        .string("On the edge of chaos for the given sigma_b^2.", oneOf: ["critical"]),
                                    ]), "Weight variance, or \"critical\".", default: "critical")),
                            .init("sigma_b2", .number("Bias variance.", minimum: 0, default: 0)),
                        ]), minItems: 1), required: true),
            .init("figures", CommonSchemas.figures(types: figureTypes)),
        ])
}

/// The schema of the "sweep" kind: a grid of training experiments.
enum SweepSchema {
    static let figureTypes = ["heatmap"]

    static let schema = Schema.object(
        "A sweep: the base training experiment at every combination of the axes' values.",
        CommonSchemas.header(kind: "sweep") + [
            .init(
                "base",
                .anyObject(
                    "A training experiment body (as in a \"training\" spec; id, title, kind and seed come from the sweep)."
                ), required: true),
            .init(
                "axes",
                .array(
                    "Two axes: x then y of the heatmap.",
                    of: .object(
                        "An axis.",
                        [
                            .init(
                                "path", .string("JSON pointer into the base, e.g. /network/depth.", nonEmpty: true),
                                required: true),
                            .init("label", .string("Axis label.", nonEmpty: true), required: true),
                            .init("values", .array("Values, in order.", of: .number(), minItems: 1), required: true),
                        ]), minItems: 2, maxItems: 2), required: true),
            .init(
                "metric",
                .string(
                    "What each cell reports.", oneOf: ["test_accuracy", "train_accuracy", "final_loss"],
                    default: "test_accuracy")),
            .init(
                "overlay",
                .object(
                    "A mean-field curve drawn over the heatmap: y = 6 xi_c(x) with x the weight variance.",
                    [
                        .init("activation", CommonSchemas.activation, required: true),
                        .init("sigma_b2", .number("Bias variance.", minimum: 0), required: true),
                        .init("multiple", .number("Multiple of xi_c drawn.", positive: true, default: 6)),
                    ])),
            .init("figures", CommonSchemas.figures(types: figureTypes)),
        ])
}
