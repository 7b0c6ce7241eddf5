import ExperimentKinds
import JSON

/// The outcome of an "activations" experiment.
public struct ActivationsResult: Sendable, Equatable {
    /// One variant's layers.
    public struct VariantLayers: Sendable, Equatable {
        public let key: String
        public let label: String
        /// The activation's name as shown in figures ("tanh", "ReLU").
        public let activation: String
        /// Units of each layer.
        public let widths: [Int]
        /// The LSUV pass per layer, when the variant used LSUV.
        public let lsuvRescalings: [Int]?
        public let layers: [LayerActivationStatistics]

        public init(
            key: String, label: String, activation: String, widths: [Int], lsuvRescalings: [Int]?,
            layers: [LayerActivationStatistics]
        ) {
            self.key = key
            self.label = label
            self.activation = activation
            self.widths = widths
            self.lsuvRescalings = lsuvRescalings
            self.layers = layers
        }
    }

    /// The bin edges every histogram uses (bins + 1 values).
    public let histogramEdges: [Double]
    /// Which values were binned.
    public let histogramValues: HistogramValues
    /// The input batch, e.g. "1000 × 100 samples of N(0, 1²)".
    public let input: String
    /// Rows of the input batch.
    public let inputCount: Int
    public let variants: [VariantLayers]

    public init(
        histogramEdges: [Double], histogramValues: HistogramValues, input: String, inputCount: Int,
        variants: [VariantLayers]
    ) {
        self.histogramEdges = histogramEdges
        self.histogramValues = histogramValues
        self.input = input
        self.inputCount = inputCount
        self.variants = variants
    }

    var json: JSONValue {
        [
            "histogram_edges": ResultValue.numbers(histogramEdges),
            "histogram_values": .string(histogramValues.rawValue),
            "input": .string(input),
            "input_count": .integer(inputCount),
            "variants": .array(
                variants.map { variant in
                    var object: JSONObject = [
                        "key": .string(variant.key), "label": .string(variant.label),
                        "activation": .string(variant.activation), "widths": ResultValue.integers(variant.widths),
                    ]
                    if let rescalings = variant.lsuvRescalings {
                        object["lsuv_rescalings"] = ResultValue.integers(rescalings)
                    }
                    object["layers"] = .array(variant.layers.map(\.json))
                    return .object(object)
                }),
        ]
    }

    var arrays: [NamedArray] {
        [NamedArray(name: "histogram_edges", values: histogramEdges)]
            + variants.flatMap { variant in
                variant.layers.flatMap { $0.arrays(prefix: "variants/\(variant.key)/layers/\($0.layer)") }
            }
    }
}
