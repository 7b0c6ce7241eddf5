import ExperimentKinds

/// How activation histograms are binned: one set of edges for every panel of a figure.
public struct HistogramSpec: Sendable, Hashable {
    public enum Range: Sendable, Hashable {
        /// One range covering every panel's values.
        case automatic
        case fixed(low: Double, high: Double)
    }

    public let bins: Int
    public let range: Range
    public let values: HistogramValues
    /// Count exact zeros apart instead of binning them (only matters for the ReLU family).
    public let separateZeros: Bool

    public init(bins: Int, range: Range, values: HistogramValues, separateZeros: Bool = true) {
        self.bins = bins
        self.range = range
        self.values = values
        self.separateZeros = separateZeros
    }

    static func read(_ reader: SpecReader) throws(SpecError) -> HistogramSpec {
        let rangeReader = reader.member("range")
        var range = Range.automatic
        if !rangeReader.isString {
            let bounds = rangeReader.elements.map(\.double)
            guard bounds[0] < bounds[1] else {
                throw rangeReader.error("expected [low, high] with low < high, found [\(bounds[0]), \(bounds[1])]")
            }
            let bins = reader.member("bins").int
            if let problem = GridSpacing.problem(low: bounds[0], high: bounds[1], steps: bins, stepName: "bin") {
                throw rangeReader.error(problem)
            }
            range = .fixed(low: bounds[0], high: bounds[1])
        }
        return HistogramSpec(
            bins: reader.member("bins").int, range: range, values: reader.member("values").named(HistogramValues.self),
            separateZeros: reader.member("zeros").string == "separate")
    }
}
