import ExperimentKinds
import JSON

/// The schema of an experiment spec file (format version 1): one object per kind, chosen by `kind`.
public enum SpecSchema {
    /// The schema of one kind's spec files.
    static func schema(for kind: ExperimentKind) -> Schema {
        switch kind {
        case .activations: ActivationsSchema.schema
        case .training: TrainingSchema.schema
        case .meanField: MeanFieldSchema.schema
        case .jacobian: JacobianSchema.schema
        case .sweep: SweepSchema.schema
        }
    }

    public static let experiment = Schema(
        .tagged(
            key: "kind", cases: ExperimentKind.allCases.map { ($0.rawValue, schema(for: $0)) }, allowsShorthand: false),
        "An InitLab experiment: a declarative description of networks, initializers, data, figures and seed.")

    /// The JSON Schema document `initlab schema` prints.
    public static var jsonSchemaDocument: JSONValue {
        experiment.jsonSchemaDocument(
            id: "https://initlab.invalid/schema/experiment-v1.json", title: "InitLab experiment spec, version 1")
    }
}
