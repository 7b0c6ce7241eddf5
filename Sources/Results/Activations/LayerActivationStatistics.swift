import JSON

/// What one layer's activations looked like for the input batch.
public struct LayerActivationStatistics: Sendable, Equatable {
    /// 1-based layer index.
    public let layer: Int
    public let mean: Double
    public let standardDeviation: Double
    public let minimum: Double
    public let maximum: Double
    /// Fraction within 1% of the output range of either bound (bounded activations only):
    /// sigmoid a < 0.01 or a > 0.99; tanh, softsign, erf |a| > 0.98.
    public let fractionSaturated: Double?
    /// Fraction exactly 0 (ReLU family only).
    public let fractionZero: Double?
    public let preactivationMean: Double
    public let preactivationStandardDeviation: Double
    /// Counts per bin of the shared edges.
    public let histogram: [Int]
    /// Values below the first edge, above the last edge, and NaN/infinite ones: counted, not binned.
    public let belowRange: Int
    public let aboveRange: Int
    public let nonFinite: Int
    /// Exact zeros counted apart from the bins (ReLU family with separated zeros), else 0.
    public let separatedZeros: Int

    public init(
        layer: Int, mean: Double, standardDeviation: Double, minimum: Double, maximum: Double,
        fractionSaturated: Double?,
        fractionZero: Double?, preactivationMean: Double, preactivationStandardDeviation: Double, histogram: [Int],
        belowRange: Int, aboveRange: Int, nonFinite: Int, separatedZeros: Int
    ) {
        self.layer = layer
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.minimum = minimum
        self.maximum = maximum
        self.fractionSaturated = fractionSaturated
        self.fractionZero = fractionZero
        self.preactivationMean = preactivationMean
        self.preactivationStandardDeviation = preactivationStandardDeviation
        self.histogram = histogram
        self.belowRange = belowRange
        self.aboveRange = aboveRange
        self.nonFinite = nonFinite
        self.separatedZeros = separatedZeros
    }

    /// Every value of the layer: binned, outside the range, non-finite or separated zeros.
    public var valueCount: Int { histogram.reduce(0, +) + belowRange + aboveRange + nonFinite + separatedZeros }

    var json: JSONValue {
        [
            "layer": .integer(layer),
            "mean": ResultValue.number(mean),
            "std": ResultValue.number(standardDeviation),
            "min": ResultValue.number(minimum),
            "max": ResultValue.number(maximum),
            "fraction_saturated": ResultValue.optional(fractionSaturated),
            "fraction_zero": ResultValue.optional(fractionZero),
            "preactivation_mean": ResultValue.number(preactivationMean),
            "preactivation_std": ResultValue.number(preactivationStandardDeviation),
            "histogram": ResultValue.integers(histogram),
            "below_range": .integer(belowRange),
            "above_range": .integer(aboveRange),
            "non_finite": .integer(nonFinite),
            "separated_zeros": .integer(separatedZeros),
        ]
    }

    func arrays(prefix: String) -> [NamedArray] {
        [
            NamedArray(
                name: "\(prefix)/statistics",
                values: [
                    mean, standardDeviation, minimum, maximum, fractionSaturated ?? .nan, fractionZero ?? .nan,
                    preactivationMean, preactivationStandardDeviation, Double(belowRange), Double(aboveRange),
                    Double(nonFinite), Double(separatedZeros),
                ]),
            NamedArray(name: "\(prefix)/histogram", values: histogram.map(Double.init)),
        ]
    }
}
