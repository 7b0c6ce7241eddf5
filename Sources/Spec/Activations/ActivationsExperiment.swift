/// Kind "activations": per-layer activation statistics of untrained networks on one input batch.
public struct ActivationsExperiment: Sendable {
    public let input: InputSpec
    public let variants: [NetworkVariant]
    public let histogram: HistogramSpec

    static func read(_ reader: SpecReader) throws(SpecError) -> ActivationsExperiment {
        let input = try InputSpec.read(reader.member("input"))
        let variants = try NetworkVariant.readAll(reader["variants"], network: reader.member("network"))
        return ActivationsExperiment(
            input: input, variants: variants, histogram: try HistogramSpec.read(reader.member("histogram")))
    }
}
