import Datasets
import Foundation
import LinearAlgebra
import Network
import Randomness
import Training

/// The textbook MNIST comparison as a benchmark: fashion-mnist, 5 hidden ReLU layers of 100,
/// SGD lr 0.01, batch 128, 2000 iterations, for std 0.01, Xavier (1/sqrt n) and He (sqrt(2/n)),
/// the same batches for all three. Computes what Benchmarks/textbook_mnist.py computes: the loss
/// of every iteration, and train/test accuracy and probe statistics at the start and the end.
enum TextbookBenchmark {
    static let initializers: [(String, Initializer)] = [
        ("std 0.01", .normal(mean: 0, std: 0.01)),
        ("Xavier", .varianceScaling(scale: 1, mode: .fanIn, distribution: .untruncatedNormal)),
        ("He", .varianceScaling(scale: 2, mode: .fanIn, distribution: .untruncatedNormal)),
    ]

    static func run(iterations: Int, root: URL) throws {
        let data = try DatasetLoader.load(.fashionMNIST, preprocessing: Preprocessing(), seed: 1, root: root)
        let train = LabeledSamples(features: data.train.features, labels: data.train.labels, classCount: 10)
        let test = LabeledSamples(features: data.test.features, labels: data.test.labels, classCount: 10)
        let probe = train.prefix(1000).features
        let settings = TrainingSettings(
            iterations: iterations, batchSize: 128, learningRate: 0.01,
            statisticsEvery: iterations, evaluationEvery: 0)
        let threads = ComputeThreads.count
        let sessions = try initializers.map { name, initializer -> TrainingSession in
            let configuration = MLPConfiguration(
                inputs: 784, hidden: [100, 100, 100, 100, 100], outputs: 10, activation: .relu)
            let widths = configuration.widths
            let weights = try (0..<configuration.layerCount).map { layer -> [Float] in
                var stream = RandomStream(seed: 1, path: "bench/\(name)/layer/\(layer)")
                return try initializer.denseWeight(inputs: widths[layer], outputs: widths[layer + 1], stream: &stream)
                    .elements
            }
            let mlp = MLP(
                configuration: configuration, weights: weights,
                biases: (0..<configuration.layerCount).map { [Float](repeating: 0, count: widths[$0 + 1]) })
            let sampler = BatchSampler(
                sampleCount: train.count, batchSize: 128, stream: RandomStream(seed: 1, path: "bench/shuffle"))
            return TrainingSession(
                trainer: Trainer(settings: settings), mlp: mlp, train: train, test: test,
                evaluationTrain: train.prefix(10_000), probe: probe, sampler: sampler,
                threads: max(1, threads / initializers.count))
        }
        TrainingSession.runAll(sessions, threads: threads)
        for ((name, _), session) in zip(initializers, sessions) {
            let log = session.trainingLog
            let tail = log.losses.suffix(100)
            print(
                String(
                    format: "%@: mean of last 100 losses %.4f, test accuracy %.4f", name,
                    tail.reduce(0) { $0 + Double($1) } / Double(tail.count),
                    log.evaluations.last?.testAccuracy ?? .nan))
        }
    }
}
