/// The input batch of an activations experiment.
public struct InputSpec: Sendable, Hashable {
    public enum Distribution: Sendable, Hashable {
        case normal(mean: Double, std: Double)
        case uniform(low: Double, high: Double)
    }

    public let distribution: Distribution
    public let count: Int
    public let dimension: Int

    static func read(_ reader: SpecReader) throws(SpecError) -> InputSpec {
        let count = reader.member("count").int
        let dimension = reader.member("dimension").int
        switch reader.member("distribution").string {
        case "normal":
            return InputSpec(
                distribution: .normal(mean: reader.member("mean").double, std: reader.member("std").double),
                count: count, dimension: dimension)
        default:
            let low = reader.member("low").double
            let high = reader.member("high").double
            guard low < high else { throw reader.member("high").error("expected high > low (\(low)), found \(high)") }
            return InputSpec(distribution: .uniform(low: low, high: high), count: count, dimension: dimension)
        }
    }

    /// "1000 x 100 samples of N(0, 1)".
    public var summary: String {
        let law =
            switch distribution {
            case .normal(let mean, let std): "N(\(mean.compact), \(std.compact)\u{00B2})"
            case .uniform(let low, let high): "U(\(low.compact), \(high.compact))"
            }
        return "\(count) \u{00D7} \(dimension) samples of \(law)"
    }
}

extension Double {
    /// 1.0 -> "1", 0.01 -> "0.01".
    var compact: String { self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : String(self) }
}
