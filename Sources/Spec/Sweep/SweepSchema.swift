import ExperimentKinds
import JSON

/// The schema of the "sweep" kind: a grid of training experiments.
enum SweepSchema {
    static let schema = Schema.object(
        "A sweep: the base training experiment at every combination of the axes' values.",
        CommonSchemas.header(kind: .sweep) + [
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
                    "What each cell reports.", oneOf: SweepMetric.allCases.map(\.rawValue),
                    default: SweepMetric.testAccuracy.rawValue)),
            .init(
                "overlay",
                .object(
                    "A mean-field curve drawn over the heatmap: y = 6 xi_c(x) with x the weight variance.",
                    [
                        .init("activation", CommonSchemas.activation, required: true),
                        .init("sigma_b2", .number("Bias variance.", minimum: 0), required: true),
                        .init("multiple", .number("Multiple of xi_c drawn.", positive: true, default: 6)),
                    ])),
            .init("figures", CommonSchemas.figures(of: .sweep)),
        ])
}
