/// The training objective on the network's output (logits).
public enum Loss: String, Sendable, Hashable, CaseIterable {
    /// Softmax followed by cross-entropy with the true class (mean over the batch).
    case crossEntropy = "cross-entropy"
    /// Half the squared distance to the one-hot target, summed over outputs, mean over the batch.
    case meanSquaredError = "mse"

    /// The mean loss over `rows` samples of `classes` logits, writing d(loss)/d(logits) into
    /// `gradient` (already divided by the batch size). Sums run in index order.
    func evaluate<Scalar: TrainingScalar>(
        logits: UnsafePointer<Scalar>, labels: UnsafePointer<Int32>, rows: Int, classes: Int,
        gradient: UnsafeMutablePointer<Scalar>
    ) -> Double {
        var total = 0.0
        let scale = 1 / Scalar(rows)
        for row in 0..<rows {
            let z = logits + row * classes
            let g = gradient + row * classes
            let label = Int(labels[row])
            switch self {
            case .crossEntropy:
                var largest = z[0]
                for j in 1..<classes where z[j] > largest { largest = z[j] }
                var sum: Scalar = 0
                for j in 0..<classes {
                    g[j] = Scalar.exp(z[j] - largest)
                    sum += g[j]
                }
                for j in 0..<classes { g[j] = g[j] / sum }
                // -log softmax(label), from the shifted logits so it is finite even when p underflows.
                total += Double(Scalar.log(sum) - (z[label] - largest))
                for j in 0..<classes { g[j] = (g[j] - (j == label ? 1 : 0)) * scale }
            case .meanSquaredError:
                var sum: Scalar = 0
                for j in 0..<classes {
                    let difference = z[j] - (j == label ? 1 : 0)
                    sum += difference * difference
                    g[j] = difference * scale
                }
                total += Double(sum) / 2
            }
        }
        return total / Double(rows)
    }
}
