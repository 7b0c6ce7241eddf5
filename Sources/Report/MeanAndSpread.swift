import Foundation

/// Mean and sample standard deviation over repeats, for "mean ± sd" table cells.
struct MeanAndSpread {
    let mean: Double
    let standardDeviation: Double
    let count: Int

    init(_ values: [Double]) {
        let finite = values.filter(\.isFinite)
        count = finite.count
        let mean = finite.isEmpty ? .nan : finite.reduce(0, +) / Double(finite.count)
        self.mean = mean
        standardDeviation =
            finite.count < 2
            ? 0 : (finite.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(finite.count - 1)).squareRoot()
    }

    func text(digits: Int) -> String {
        guard count > 0 else { return "–" }
        return count < 2
            ? NumberFormat.significant(mean, digits: digits)
            : "\(NumberFormat.significant(mean, digits: digits)) ± \(NumberFormat.significant(standardDeviation, digits: 2))"
    }

    var percentText: String {
        guard count > 0 else { return "–" }
        return count < 2
            ? String(format: "%.1f%%", mean * 100)
            : String(format: "%.1f ± %.1f%%", mean * 100, standardDeviation * 100)
    }
}
