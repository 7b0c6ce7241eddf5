import Datasets
import Foundation
import LinearAlgebra
import Network
import Randomness
import Training

/// The training benchmarks that `make bench` runs in InitLab and in its peers (NumPy, PyTorch,
/// JAX): Fashion-MNIST, ReLU MLPs 784 - hidden - 10, softmax cross-entropy, SGD lr 0.01, batch
/// 128. InitLab draws the initial weights and the batch order; `export` writes them (with a
/// spec.json) for the peers, so that every contender trains the same networks on the same
/// batches and does the same evaluations:
/// - accuracy on the first `evaluationRows` training samples and the first `testRows` test
///   samples at iteration 0, before the last update, and at the end;
/// - mean, std and 98th percentile of each hidden layer's activations on the first `probeRows`
///   training samples at iteration 0 and before the last update.
struct TrainingBenchmark {
    let name: String
    let hidden: [Int]
    let iterations: Int
    let initializers: [(String, Initializer)]
    let evaluationRows: Int
    let testRows: Int
    let probeRows: Int
    static let batchSize = 128
    static let learningRate = 0.01

    static let stdNormal = ("std 0.01", Initializer.normal(mean: 0, std: 0.01))
    static let xavier = (
        "Xavier", Initializer.varianceScaling(scale: 1, mode: .fanIn, distribution: .untruncatedNormal)
    )
    static let he = ("He", Initializer.varianceScaling(scale: 2, mode: .fanIn, distribution: .untruncatedNormal))

    /// The textbook comparison: 5 hidden layers of 100, three initializations, 2000 iterations.
    static let textbook = TrainingBenchmark(
        name: "textbook-mnist", hidden: Array(repeating: 100, count: 5), iterations: 2000,
        initializers: [stdNormal, xavier, he], evaluationRows: 10_000, testRows: 10_000, probeRows: 1000)

    /// One wide network (He initialization), 200 steps, small evaluations.
    static func wide(_ width: Int) -> TrainingBenchmark {
        TrainingBenchmark(
            name: "wide-\(width)", hidden: Array(repeating: width, count: 5), iterations: 200, initializers: [he],
            evaluationRows: 256, testRows: 256, probeRows: 128)
    }

    static func named(_ name: String) -> TrainingBenchmark? {
        if name == textbook.name { return textbook }
        if name.hasPrefix("wide-"), let width = Int(name.dropFirst(5)), width > 0, width <= 8192 { return wide(width) }
        return nil
    }

    var configuration: MLPConfiguration {
        MLPConfiguration(inputs: 784, hidden: hidden, outputs: 10, activation: .relu)
    }

    /// Initial weights of network `index`, layer by layer (inputs x outputs, row-major).
    func weights(_ index: Int) throws -> [[Float]] {
        let (label, initializer) = initializers[index]
        let widths = configuration.widths
        // The textbook's streams keep the paths they always had, so its results stay comparable.
        let prefix = name == Self.textbook.name ? "bench/\(label)" : "bench/\(name)/\(label)"
        return try (0..<configuration.layerCount).map { layer in
            var stream = RandomStream(seed: 1, path: "\(prefix)/layer/\(layer)")
            return try initializer.denseWeight(inputs: widths[layer], outputs: widths[layer + 1], stream: &stream)
                .elements
        }
    }

    func sampler(sampleCount: Int) -> BatchSampler {
        let path = name == Self.textbook.name ? "bench/shuffle" : "bench/\(name)/shuffle"
        return BatchSampler(
            sampleCount: sampleCount, batchSize: Self.batchSize, stream: RandomStream(seed: 1, path: path))
    }

    /// Writes spec.json, the initial weights (float32) and the batch order (int32, iterations x
    /// batch) into `directory`, for the peers.
    func export(to directory: URL, trainCount: Int = 60_000) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var networks: [[String: Any]] = []
        for index in initializers.indices {
            let files = try weights(index).enumerated().map { layer, values -> String in
                let file = "network\(index)-layer\(layer).f32"
                try write(values, to: directory.appendingPathComponent(file))
                return file
            }
            networks.append(["name": initializers[index].0, "weights": files])
        }
        var sampler = sampler(sampleCount: trainCount)
        var order: [Int32] = []
        order.reserveCapacity(iterations * Self.batchSize)
        for _ in 0..<iterations { order.append(contentsOf: sampler.next().map { Int32($0) }) }
        try write(order, to: directory.appendingPathComponent("batches.i32"))
        let spec: [String: Any] = [
            "name": name, "widths": configuration.widths, "iterations": iterations, "batch_size": Self.batchSize,
            "learning_rate": Self.learningRate, "networks": networks, "batches": "batches.i32",
            "evaluation_rows": evaluationRows, "test_rows": testRows, "probe_rows": probeRows,
        ]
        let data = try JSONSerialization.data(withJSONObject: spec, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: directory.appendingPathComponent("spec.json"), options: .atomic)
    }

    private func write<T>(_ values: [T], to url: URL) throws {
        try values.withUnsafeBytes { try Data($0).write(to: url, options: .atomic) }
    }

    /// Loads the data, trains every network (sharing the threads as `initlab run` does) and
    /// prints the training time and a summary per network.
    func run(root: URL) throws {
        let data = try DatasetLoader.load(.fashionMNIST, preprocessing: Preprocessing(), seed: 1, root: root)
        let train = LabeledSamples(features: data.train.features, labels: data.train.labels, classCount: 10)
        let test = LabeledSamples(features: data.test.features, labels: data.test.labels, classCount: 10)
        let probe = train.prefix(probeRows).features
        let settings = TrainingSettings(
            iterations: iterations, batchSize: Self.batchSize, learningRate: Self.learningRate,
            statisticsEvery: iterations, evaluationEvery: 0)
        let threads = ComputeThreads.count
        let configuration = configuration
        let sessions = try initializers.indices.map { index -> TrainingSession in
            let mlp = MLP(
                configuration: configuration, weights: try weights(index),
                biases: configuration.widths.dropFirst().map { [Float](repeating: 0, count: $0) })
            return TrainingSession(
                trainer: Trainer(settings: settings), mlp: mlp, train: train, test: test.prefix(testRows),
                evaluationTrain: train.prefix(evaluationRows), probe: probe, sampler: sampler(sampleCount: train.count),
                threads: max(1, threads / initializers.count))
        }
        let clock = ContinuousClock()
        let start = clock.now
        TrainingSession.runAll(sessions, threads: threads)
        let elapsed = start.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        print(String(format: "training seconds: %.3f", seconds))
        for ((label, _), session) in zip(initializers, sessions) {
            let losses = session.trainingLog.losses.suffix(min(100, iterations))
            print(
                String(
                    format: "%@: mean of last %d losses %.4f, test accuracy %.4f", label, losses.count,
                    losses.reduce(0) { $0 + Double($1) } / Double(losses.count),
                    session.trainingLog.evaluations.last?.testAccuracy ?? .nan))
        }
    }
}
