import Foundation

/// Gauss-Legendre nodes and weights on [-1, 1], by Newton's method on the Legendre polynomial
/// (accurate to about 1e-15; the rule of n points integrates polynomials of degree 2n - 1 exactly).
struct GaussLegendre: Sendable {
    let nodes: [Double]
    let weights: [Double]

    init(points n: Int) {
        precondition(n >= 2, "a Gauss-Legendre rule needs at least two points")
        var nodes = [Double](repeating: 0, count: n)
        var weights = nodes
        for i in 0..<((n + 1) / 2) {
            var x = cos(Double.pi * (Double(i) + 0.75) / (Double(n) + 0.5))
            var derivative = 1.0
            for _ in 0..<100 {
                // P_n(x) and P_(n-1)(x) by the three-term recurrence.
                var previous = 1.0
                var current = x
                for k in 2...n {
                    let next = ((2 * Double(k) - 1) * x * current - (Double(k) - 1) * previous) / Double(k)
                    previous = current
                    current = next
                }
                derivative = Double(n) * (x * current - previous) / (x * x - 1)
                let step = current / derivative
                x -= step
                if abs(step) < 1e-16 { break }
            }
            nodes[i] = -x
            nodes[n - 1 - i] = x
            weights[i] = 2 / ((1 - x * x) * derivative * derivative)
            weights[n - 1 - i] = weights[i]
        }
        self.nodes = nodes
        self.weights = weights
    }

    /// The integral of f over [a, b].
    @inline(__always)
    func integrate(_ a: Double, _ b: Double, _ f: (Double) -> Double) -> Double {
        let half = (b - a) / 2
        let middle = (a + b) / 2
        var sum = 0.0
        for index in nodes.indices { sum += weights[index] * f(middle + half * nodes[index]) }
        return sum * half
    }

    /// The rule for one-dimensional expectations.
    static let fine = GaussLegendre(points: 48)
    /// The rule for each direction of two-dimensional expectations.
    static let coarse = GaussLegendre(points: 24)
}
