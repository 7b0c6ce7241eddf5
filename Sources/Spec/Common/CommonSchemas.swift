import ExperimentKinds
import JSON
import Network

/// Schemas shared by every experiment kind: activations, initializers, gains, figures, references.
public enum CommonSchemas {
    /// Keys every experiment has, whatever its kind.
    static func header(kind: ExperimentKind) -> [Schema.Property] {
        [
            .init(
                "$schema", .string("Path or URL of the JSON Schema, for editors; ignored by InitLab.", maxLength: 4096)),
            .init(
                "id",
                .string(
                    "Stable identifier: lower-case letters, digits and '-'. Names the report folder and figure ids.",
                    nonEmpty: true), required: true),
            .init("title", .string("Title of the report.", nonEmpty: true, maxLength: 300), required: true),
            .init(
                "description",
                .string("What the experiment shows; shown under the title.", maxLength: 10_000, default: "")),
            .init("kind", .string("Experiment kind.", oneOf: [kind.rawValue]), required: true),
            .init(
                "seed", .unsignedInteger("Root seed of every random stream of the experiment (0 to 2^64 - 1)."),
                required: true),
            .init("references", references),
            .init("narrative", narrative),
        ]
    }

    /// Markdown prose for the report page: inline, or a file beside the spec (inlined into the
    /// spec as run, so spec.json reruns alone and the spec hash covers the text).
    static let narrative = Schema(
        .alternatives([
            .string(
                "Markdown with $TeX$ math, @fig-/@tbl-/@eq- cross-references, [@key] citations, {{finding.*}}.",
                maxLength: 10_000),
            .object(
                "A Markdown file beside the spec.",
                [
                    .init(
                        "file",
                        .string(
                            "Path relative to the spec's folder (at most 256 KiB).", nonEmpty: true, maxLength: 4096),
                        required: true)
                ]),
        ]), "The experiment's narrative: the question, the formulas, the finding.")

    /// An activation: a name, or an object with the name and its parameters.
    public static let activation = Schema(
        .tagged(
            key: "name",
            cases: Activation.names.map { name in
                var properties: [Schema.Property] = [.init("name", .string(oneOf: [name]), required: true)]
                switch name {
                case "leaky-relu":
                    properties.append(
                        .init("slope", .number("Slope for x < 0.", minimum: 0, maximum: 0.999, default: 0.01)))
                case "elu":
                    properties.append(
                        .init("alpha", .number("Saturation value -alpha for x -> -inf.", positive: true, default: 1)))
                default: break
                }
                return (name, .object("Activation \(name).", properties))
            }, allowsShorthand: true),
        "Activation function: identity, sigmoid, tanh, relu, leaky-relu {slope}, elu {alpha}, selu, gelu (exact), swish (x sigmoid x), softsign, softplus, erf."
    )

    /// Named gains (PyTorch `calculate_gain`) and "auto", the gain of the layer's activation.
    public static let gainNames = ["auto", "linear", "identity", "sigmoid", "tanh", "relu", "leaky_relu", "selu"]

    static let gain = Schema(
        .alternatives([
            .number("A positive multiplier.", positive: true),
            .string(
                "A named gain: 'auto' uses the layer's activation; 'leaky_relu' uses slope 0.01.", oneOf: gainNames),
        ]),
        "Gain: a positive number or a named gain (PyTorch calculate_gain values).")

    static let fanMode = Schema.string(
        "Which fan to divide by.", oneOf: FanMode.allCases.map(\.rawValue), default: "fan_in")

    /// Names of every initializer the spec accepts, in documentation order.
    public static let initializerNames = [
        "normal", "uniform", "truncated-normal", "zeros", "ones", "constant", "identity", "dirac",
        "glorot-uniform", "glorot-normal", "he-uniform", "he-normal", "lecun-uniform", "lecun-normal",
        "variance-scaling", "orthogonal", "delta-orthogonal", "sparse",
        "torch-default", "keras-default", "flax-default", "lasagne-default", "lsuv",
    ]

    /// A weight initializer: a name, or an object with the name and its parameters.
    public static let initializer = initializerSchema(includingLSUV: true)

    static func initializerSchema(includingLSUV: Bool) -> Schema {
        func named(_ name: String, _ summary: String, _ properties: [Schema.Property] = []) -> (
            name: String, schema: Schema
        ) {
            (name, .object(summary, [.init("name", .string(oneOf: [name]), required: true)] + properties))
        }
        let truncated = Schema.Property(
            "truncated",
            .boolean(
                "Draw from a normal truncated at +-2 sigma_pre, rescaled so the std AFTER truncation is the formula's (Keras/JAX); false: untruncated (PyTorch).",
                default: false))
        let gainProperty = { (value: JSONValue) in Schema.Property("gain", gain.withDefault(value)) }
        var cases = [
            named(
                "normal", "N(mean, std^2), untruncated; the textbook's std 1 and std 0.01.",
                [
                    .init("mean", .number("Mean.", default: 0)),
                    .init("std", .number("Standard deviation.", positive: true), required: true),
                ]),
            named(
                "uniform", "U(low, high).",
                [
                    .init("low", .number("Lower bound.", default: -0.05)),
                    .init("high", .number("Upper bound.", default: 0.05)),
                ]),
            named(
                "truncated-normal",
                "Normal cut at +-bound sigma_pre; 'std' is the standard deviation AFTER truncation.",
                [
                    .init("mean", .number("Mean.", default: 0)),
                    .init("std", .number("Standard deviation after truncation.", positive: true), required: true),
                    .init(
                        "bound",
                        .number("Cut-off in pre-truncation standard deviations.", minimum: 0.5, maximum: 10, default: 2)
                    ),
                ]),
            named("zeros", "All zeros."),
            named("ones", "All ones."),
            named("constant", "Every entry equal to value.", [.init("value", .number("The value."), required: true)]),
            named(
                "identity", "gain on the main diagonal (PyTorch eye_, Keras Identity); dense layers only.",
                [gainProperty(1)]),
            named(
                "dirac",
                "PyTorch dirac_: identity on the centre tap of a convolution kernel; not defined for dense layers.",
                [
                    .init("groups", .integer("Convolution groups.", minimum: 1, default: 1))
                ]),
            named("glorot-uniform", "Glorot & Bengio 2010: U(+-gain sqrt(6 / (fan_in + fan_out))).", [gainProperty(1)]),
            named(
                "glorot-normal", "Glorot & Bengio 2010: std = gain sqrt(2 / (fan_in + fan_out)).",
                [gainProperty(1), truncated]),
            named(
                "he-uniform", "He et al. 2015: U(+-gain sqrt(3 / fan)); default gain relu = sqrt 2.",
                [gainProperty("relu"), .init("mode", fanMode)]),
            named(
                "he-normal", "He et al. 2015: std = gain / sqrt(fan); default gain relu = sqrt 2.",
                [gainProperty("relu"), .init("mode", fanMode), truncated]),
            named("lecun-uniform", "LeCun: U(+-sqrt(3 / fan_in)).", []),
            named("lecun-normal", "LeCun: std = 1 / sqrt(fan_in) (the SELU initializer).", [truncated]),
            named(
                "variance-scaling", "Keras/JAX VarianceScaling: std = sqrt(scale / n).",
                [
                    .init("scale", .number("Variance scale (gain squared).", positive: true, default: 1)),
                    .init(
                        "mode",
                        Schema.string("Which fan n is.", oneOf: FanMode.allCases.map(\.rawValue), default: "fan_in")),
                    .init(
                        "distribution",
                        .string(
                            "uniform, truncated-normal (std after truncation) or untruncated-normal.",
                            oneOf: ScalingDistribution.allCases.map(\.rawValue)), required: true),
                ]),
            named(
                "orthogonal",
                "Saxe et al. 2014: gain times a Haar-random matrix with orthonormal rows or columns (QR with sign fix).",
                [gainProperty(1)]),
            named(
                "delta-orthogonal",
                "Xiao et al. 2018: orthogonal centre tap of a convolution kernel; not defined for dense layers.",
                [gainProperty(1)]),
            named(
                "sparse",
                "Sparse N(0, std^2): give zero_fraction (PyTorch sparse_: that fraction of each input's outgoing weights is zero) or nonzero_incoming (Martens 2010: that many non-zero incoming weights per unit).",
                [
                    .init("std", .number("Standard deviation of the non-zero entries.", positive: true, default: 0.01)),
                    .init(
                        "zero_fraction",
                        .number("PyTorch semantics: fraction of zeros per input column.", minimum: 0, maximum: 1)),
                    .init(
                        "nonzero_incoming",
                        .integer("Martens semantics: non-zero incoming weights per unit.", minimum: 1)),
                ]),
            named(
                "torch-default",
                "PyTorch nn.Linear default: weight and bias U(+-1/sqrt(fan_in)) (kaiming_uniform_ with a = sqrt 5)."),
            named("keras-default", "Keras Dense default: glorot-uniform weight, zero bias."),
            named("flax-default", "Flax Dense default: lecun-normal truncated weight, zero bias."),
            named("lasagne-default", "Lasagne DenseLayer default: glorot-uniform weight, zero bias."),
        ]
        if includingLSUV {
            cases.append(
                named(
                    "lsuv",
                    "Mishkin & Matas 2016: start from 'base', then rescale each layer in order until its output variance on the batch is 1.",
                    [
                        .init(
                            "base",
                            initializerSchema(includingLSUV: false).withDefault(["name": "orthogonal"]).described(
                                "Starting initializer (the paper: orthogonal).")),
                        .init(
                            "tolerance", .number("Stop when |variance - 1| < tolerance.", positive: true, default: 0.02)
                        ),
                        .init("max_iterations", .integer("Rescalings per layer at most.", in: 1...1000, default: 20)),
                        .init(
                            "measure",
                            .string(
                                "Which output is brought to unit variance.", oneOf: ["preactivation", "activation"],
                                default: "preactivation")),
                    ]))
        }
        return Schema(
            .tagged(key: "name", cases: cases, allowsShorthand: true),
            "Weight initializer: a name (e.g. \"he-normal\") or an object with the name and its parameters.")
    }

    static let figureSize = Schema(
        .alternatives([
            .string("column (3.4 in wide), one-and-half (5 in) or wide (7 in).", oneOf: FigureSize.presetNames),
            .object(
                "A custom size in inches.",
                [
                    .init("width", .number("Width in inches.", minimum: 1, maximum: 20), required: true),
                    .init("height", .number("Height in inches.", minimum: 1, maximum: 20), required: true),
                ]),
        ]),
        "Print size: a preset or {width, height} in inches.")

    /// The `figures` list of a kind; absent means all of its figure types.
    static func figures(of kind: ExperimentKind, extra: [Schema.Property] = []) -> Schema {
        .array(
            "Figures to draw. Absent: every figure type of the kind, at the default size.",
            of: .object(
                "One figure.",
                [
                    .init("type", .string("What to draw.", oneOf: kind.figureTypeNames), required: true),
                    .init(
                        "name",
                        .string(
                            "Name used in the figure id and file names fig-<experiment>-<name>: up to 64 lower-case letters, digits and '-'; defaults to the type.",
                            nonEmpty: true, maxLength: 64)
                    ),
                    .init("size", figureSize),
                    .init("caption", .string("Caption; a default one describes the figure.", maxLength: 10_000)),
                ] + extra))
    }

    /// References: keys of the built-in bibliography, or full entries.
    static let references = Schema.array(
        "Works the experiment reproduces or relies on, listed with full citations in the report.",
        of: Schema(
            .alternatives([
                .string("A key of the built-in bibliography.", oneOf: Bibliography.keys),
                .object(
                    "A full reference.",
                    [
                        .init("key", .string("Citation key.", nonEmpty: true), required: true),
                        .init(
                            "authors", .string("Authors, as they should be printed.", nonEmpty: true, maxLength: 2000),
                            required: true),
                        .init("title", .string("Title.", nonEmpty: true, maxLength: 1000), required: true),
                        .init(
                            "venue", .string("Journal, conference or publisher.", nonEmpty: true, maxLength: 1000),
                            required: true),
                        .init("year", .integer("Year.", in: 1900...2100), required: true),
                        .init(
                            "url",
                            .string(
                                "Link (DOI or arXiv preferred): an http(s) URL or a relative link.", maxLength: 2000)),
                    ]),
            ])))
}
