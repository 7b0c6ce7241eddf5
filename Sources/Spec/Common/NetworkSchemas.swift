import JSON

/// Schemas for the network description and for variants, shared by every kind that builds MLPs.
enum NetworkSchemas {
    static let biasInitializerText =
        "Bias initializer (with bias): zeros, ones, constant, normal, uniform or truncated-normal; a framework default means that framework's bias (torch-default: U(+-1/sqrt(fan_in)), keras-, flax- and lasagne-default: zeros). Fan-scaled rules (glorot, he, lecun, variance-scaling) are refused, as in PyTorch and Flax. Absent: the weight initializer's framework default bias (zeros; U(+-1/sqrt(fan_in)) for torch-default)."

    static let networkProperties: [Schema.Property] = [
        .init("depth", .integer("Number of hidden layers (with 'width'); or give 'widths'.", in: 1...10_000)),
        .init("width", .integer("Units per hidden layer (with 'depth').", in: 1...100_000)),
        .init(
            "widths",
            .array(
                "Units of each hidden layer, instead of depth and width.", of: .integer(in: 1...100_000), minItems: 1)),
        .init("activation", CommonSchemas.activation, required: true),
        .init("initializer", CommonSchemas.initializer, required: true),
        .init("bias", .boolean("Whether layers have a bias.", default: false)),
        .init(
            "bias_initializer",
            CommonSchemas.initializer.described(biasInitializerText)),
    ]

    static let network = Schema.object("The network: hidden layers, activation and initialization.", networkProperties)

    /// A trained network: biases on by default (as in the textbook), optional batch normalization;
    /// the output layer (one unit per class, affine, zero bias) is added automatically.
    static let trainedNetwork = Schema.object(
        "The network's hidden layers, activation and initialization; an affine output layer with one unit per class follows.",
        networkProperties.map { property in
            property.name == "bias"
                ? .init(
                    "bias",
                    .boolean(
                        "Whether layers have a bias: drawn by bias_initializer, else the weight initializer's framework default (zeros; U(+-1/sqrt(fan_in)) for torch-default).",
                        default: true))
                : property
        } + [
            .init(
                "batch_norm",
                .boolean("Batch normalization after each hidden affine map (Ioffe & Szegedy 2015).", default: false))
        ])

    static let variantProperties: [Schema.Property] = [
        .init("label", .string("Name shown in figures and tables.", nonEmpty: true), required: true),
        .init(
            "key",
            .string(
                "Stable key naming the variant's random streams (default: the label, lower-cased, with '-' for other characters).",
                nonEmpty: true)),
        .init("depth", .integer("Override: hidden layers.", in: 1...10_000)),
        .init("width", .integer("Override: units per hidden layer.", in: 1...100_000)),
        .init("widths", .array("Override: units of each hidden layer.", of: .integer(in: 1...100_000), minItems: 1)),
        .init("activation", CommonSchemas.activation.described("Override: activation.")),
        .init("initializer", CommonSchemas.initializer.described("Override: weight initializer.")),
        .init("bias", .boolean("Override: whether layers have a bias.")),
        .init("bias_initializer", CommonSchemas.initializer.described("Override: " + biasInitializerText)),
    ]

    static let variants = Schema.array(
        "Variants compared side by side; each overrides parts of 'network'. Absent: the network alone.",
        of: .object("One variant.", variantProperties))
}
