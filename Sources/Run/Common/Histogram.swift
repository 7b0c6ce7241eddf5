/// Equal-width binning with one set of edges shared by every panel of a figure.
struct Histogram {
    let low: Double
    let high: Double
    let bins: Int

    /// bins + 1 edges from low to high.
    var edges: [Double] { (0...bins).map { low + (high - low) * Double($0) / Double(bins) } }

    /// Counts per bin; values outside [low, high] and non-finite values are counted separately.
    /// The last bin is closed on the right, so `high` itself is binned.
    func count<Values: Sequence>(_ values: Values) -> (counts: [Int], below: Int, above: Int, nonFinite: Int)
    where Values.Element == Float {
        var counts = [Int](repeating: 0, count: bins)
        var below = 0
        var above = 0
        var nonFinite = 0
        let scale = Double(bins) / (high - low)
        for value in values {
            let x = Double(value)
            if !x.isFinite {
                nonFinite += 1
            } else if x < low {
                below += 1
            } else if x > high {
                above += 1
            } else {
                counts[min(Int((x - low) * scale), bins - 1)] += 1
            }
        }
        return (counts, below, above, nonFinite)
    }

    /// The range covering every finite value, widened when all values are equal.
    static func automaticRange<Values: Sequence>(_ groups: [Values]) -> (low: Double, high: Double)
    where Values.Element == Float {
        var low = Double.infinity
        var high = -Double.infinity
        for group in groups {
            for value in group where value.isFinite {
                low = min(low, Double(value))
                high = max(high, Double(value))
            }
        }
        if !low.isFinite { return (0, 1) }
        if low == high { return (low - 0.5, high + 0.5) }
        return (low, high)
    }
}
