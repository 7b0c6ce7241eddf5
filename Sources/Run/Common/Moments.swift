/// Mean, population standard deviation and extremes of single-precision values, accumulated in
/// double precision in index order (a fixed order, so the result is reproducible bit for bit).
struct Moments {
    let mean: Double
    let standardDeviation: Double
    let minimum: Double
    let maximum: Double

    init(_ values: [Float]) {
        var sum = 0.0
        var low = Double.infinity
        var high = -Double.infinity
        for value in values {
            sum += Double(value)
            low = min(low, Double(value))
            high = max(high, Double(value))
        }
        let mean = sum / Double(max(values.count, 1))
        var squares = 0.0
        for value in values { squares += (Double(value) - mean) * (Double(value) - mean) }
        self.mean = mean
        standardDeviation = (squares / Double(max(values.count, 1))).squareRoot()
        minimum = low
        maximum = high
    }
}
