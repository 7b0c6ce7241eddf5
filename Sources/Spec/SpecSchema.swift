import JSON

/// The schema of an experiment spec file (format version 1): one object per kind, chosen by `kind`.
public enum SpecSchema {
    /// Every experiment kind and its schema.
    static let kinds: [(name: String, schema: Schema)] = [
        ("activations", ActivationsSchema.schema),
        ("training", TrainingSchema.schema),
        ("meanfield", MeanFieldSchema.schema),
        ("jacobian", JacobianSchema.schema),
        ("sweep", SweepSchema.schema),
    ]

    public static let experiment = Schema(
        .tagged(key: "kind", cases: kinds, allowsShorthand: false),
        "An InitLab experiment: a declarative description of networks, initializers, data, figures and seed.")

    /// Figure types each kind can draw.
    public static let figureTypes: [String: [String]] = [
        "activations": ActivationsSchema.figureTypes,
        "training": TrainingSchema.figureTypes,
        "meanfield": MeanFieldSchema.figureTypes,
        "jacobian": JacobianSchema.figureTypes,
        "sweep": SweepSchema.figureTypes,
    ]

    /// The JSON Schema document `initlab schema` prints.
    public static var jsonSchemaDocument: JSONValue {
        experiment.jsonSchemaDocument(
            id: "https://initlab.invalid/schema/experiment-v1.json", title: "InitLab experiment spec, version 1")
    }
}
