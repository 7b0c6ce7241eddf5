import JSON

/// The outcome of a "jacobian" experiment: squared singular values of J per variant and depth.
public struct JacobianResult: Sendable, Equatable {
    public struct Spectrum: Sendable, Equatable {
        public let depth: Int
        /// Eigenvalues of J J^T, ascending.
        public let squaredSingularValues: [Double]
        public let predictedMean: Double
        public let predictedVariance: Double

        public init(depth: Int, squaredSingularValues: [Double], predictedMean: Double, predictedVariance: Double) {
            self.depth = depth
            self.squaredSingularValues = squaredSingularValues
            self.predictedMean = predictedMean
            self.predictedVariance = predictedVariance
        }

        public var mean: Double { squaredSingularValues.reduce(0, +) / Double(max(squaredSingularValues.count, 1)) }
        public var variance: Double {
            let m = mean
            return squaredSingularValues.reduce(0) { $0 + ($1 - m) * ($1 - m) }
                / Double(max(squaredSingularValues.count, 1))
        }
    }

    public struct Variant: Sendable, Equatable {
        public let key: String
        public let label: String
        public let sigmaW2: Double
        public let sigmaB2: Double
        public let inputVariance: Double
        public let chi1: Double
        public let spectra: [Spectrum]

        public init(
            key: String, label: String, sigmaW2: Double, sigmaB2: Double, inputVariance: Double, chi1: Double,
            spectra: [Spectrum]
        ) {
            self.key = key
            self.label = label
            self.sigmaW2 = sigmaW2
            self.sigmaB2 = sigmaB2
            self.inputVariance = inputVariance
            self.chi1 = chi1
            self.spectra = spectra
        }
    }

    public let width: Int
    /// Bins of the spectrum histograms.
    public let bins: Int
    public let variants: [Variant]

    public init(width: Int, bins: Int, variants: [Variant]) {
        self.width = width
        self.bins = bins
        self.variants = variants
    }

    var json: JSONValue {
        [
            "width": .integer(width),
            "bins": .integer(bins),
            "variants": .array(
                variants.map { variant in
                    [
                        "key": .string(variant.key), "label": .string(variant.label),
                        "sigma_w2": .double(variant.sigmaW2),
                        "sigma_b2": .double(variant.sigmaB2), "input_variance": .double(variant.inputVariance),
                        "chi1": .double(variant.chi1),
                        "spectra": .array(
                            variant.spectra.map { spectrum in
                                [
                                    "depth": .integer(spectrum.depth), "mean": ResultValue.number(spectrum.mean),
                                    "variance": ResultValue.number(spectrum.variance),
                                    "predicted_mean": ResultValue.number(spectrum.predictedMean),
                                    "predicted_variance": ResultValue.number(spectrum.predictedVariance),
                                    "squared_singular_values": ResultValue.numbers(spectrum.squaredSingularValues),
                                ]
                            }),
                    ]
                }),
        ]
    }

    var arrays: [NamedArray] {
        variants.flatMap { variant in
            variant.spectra.map {
                NamedArray(name: "variants/\(variant.key)/depth/\($0.depth)", values: $0.squaredSingularValues)
            }
        }
    }
}
