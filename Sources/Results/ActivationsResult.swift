import JSON

/// The outcome of an "activations" experiment.
public struct ActivationsResult: Sendable, Equatable {
    /// One variant's layers.
    public struct VariantLayers: Sendable, Equatable {
        public let key: String
        public let label: String
        /// The LSUV pass per layer, when the variant used LSUV.
        public let lsuvRescalings: [Int]?
        public let layers: [LayerActivationStatistics]

        public init(key: String, label: String, lsuvRescalings: [Int]?, layers: [LayerActivationStatistics]) {
            self.key = key
            self.label = label
            self.lsuvRescalings = lsuvRescalings
            self.layers = layers
        }
    }

    /// The bin edges every histogram uses (bins + 1 values).
    public let histogramEdges: [Double]
    /// Which values were binned: "activation" or "preactivation".
    public let histogramValues: String
    public let variants: [VariantLayers]

    public init(histogramEdges: [Double], histogramValues: String, variants: [VariantLayers]) {
        self.histogramEdges = histogramEdges
        self.histogramValues = histogramValues
        self.variants = variants
    }

    var json: JSONValue {
        [
            "histogram_edges": ResultValue.numbers(histogramEdges),
            "histogram_values": .string(histogramValues),
            "variants": .array(
                variants.map { variant in
                    var object: JSONObject = ["key": .string(variant.key), "label": .string(variant.label)]
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
