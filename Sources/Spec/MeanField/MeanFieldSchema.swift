import ExperimentKinds
import JSON

/// The schema of the "meanfield" kind: mean-field theory of signal propagation drawn as the
/// papers' figures, checked against finite networks.
enum MeanFieldSchema {
    static let range = Schema.array("[low, high].", of: .number(), minItems: 2, maxItems: 2)

    static let schema = Schema.object(
        "A mean-field experiment: each section feeds the figure of the same name.",
        CommonSchemas.header(kind: .meanField) + [
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
            .init("figures", CommonSchemas.figures(of: .meanField)),
        ])
}
