import ExperimentKinds
import JSON

/// The schema of the "jacobian" kind: singular-value spectra of input-output Jacobians.
enum JacobianSchema {
    static let schema = Schema.object(
        "A Jacobian-spectrum experiment (Pennington et al. 2017).",
        CommonSchemas.header(kind: .jacobian) + [
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
            .init("figures", CommonSchemas.figures(of: .jacobian)),
        ])
}
