import ExperimentKinds
import Foundation

/// Mean and sample standard deviation across repeats, point by point, over the points all
/// repeats have (a diverged repeat shortens the series).
struct SeriesStatistics {
    let mean: [Double]
    let standardDeviation: [Double]

    init(_ series: [[Double]]) {
        let length = series.map(\.count).min() ?? 0
        var mean: [Double] = []
        var std: [Double] = []
        for index in 0..<length {
            let values = series.map { $0[index] }
            let average = values.reduce(0, +) / Double(values.count)
            mean.append(average)
            std.append(
                values.count < 2
                    ? 0
                    : (values.reduce(0) { $0 + ($1 - average) * ($1 - average) } / Double(values.count - 1))
                        .squareRoot())
        }
        self.mean = mean
        standardDeviation = std
    }

    var lower: [Double] { zip(mean, standardDeviation).map { $0 - $1 } }
    var upper: [Double] { zip(mean, standardDeviation).map { $0 + $1 } }
}
