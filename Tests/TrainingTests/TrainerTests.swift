import LinearAlgebra
import Network
import Randomness
import Results
import Testing
import Training

@Suite(.serialized) struct TrainerTests {
    /// Three Gaussian blobs in 20 dimensions.
    static func blobs(count: Int, seed: UInt64) -> LabeledSamples {
        var stream = RandomStream(seed: seed, path: "blobs")
        var centres = RandomStream(seed: 1, path: "centres")
        let means = (0..<3).map { _ in (0..<20).map { _ in Float(centres.nextNormal()) } }
        var labels: [Int32] = []
        var features: [Float] = []
        for _ in 0..<count {
            let label = stream.nextInt(below: 3)
            labels.append(Int32(label))
            features += means[label].map { $0 + Float(stream.nextNormal()) }
        }
        return LabeledSamples(
            features: Matrix(rows: count, columns: 20, elements: features), labels: labels, classCount: 3)
    }

    static func network(seed: UInt64 = 3) -> MLP<Float> {
        let configuration = MLPConfiguration(inputs: 20, hidden: [32, 32], outputs: 3, activation: .relu)
        let widths = configuration.widths
        let weights = (0..<3).map { layer -> [Float] in
            var stream = RandomStream(seed: seed, path: "w/\(layer)")
            return try! Initializer.varianceScaling(scale: 2, mode: .fanIn, distribution: .untruncatedNormal)
                .denseWeight(inputs: widths[layer], outputs: widths[layer + 1], stream: &stream).elements
        }
        return MLP(
            configuration: configuration, weights: weights,
            biases: (0..<3).map { [Float](repeating: 0, count: widths[$0 + 1]) })
    }

    static func train(learningRate: Double = 0.05, threads: Int, optimizer: Optimizer = .sgd) -> TrainingLog {
        ComputeThreads.set(threads)
        defer { ComputeThreads.set(2) }
        let train = blobs(count: 600, seed: 5)
        let test = blobs(count: 200, seed: 6)
        var mlp = network()
        var sampler = BatchSampler(
            sampleCount: train.count, batchSize: 32, stream: RandomStream(seed: 9, path: "data/shuffle"))
        let settings = TrainingSettings(
            iterations: 150, batchSize: 32, learningRate: learningRate, optimizer: optimizer,
            statisticsEvery: 50, evaluationEvery: 50)
        return Trainer(settings: settings).train(
            &mlp, on: train, test: test, evaluationTrain: train.prefix(200),
            probe: test.features, sampler: &sampler)
    }

    @Test func learnsASeparableTask() {
        let log = Self.train(threads: 2)
        #expect(log.divergedAt == nil && log.losses.count == 150)
        let late: Float = log.losses.suffix(20).reduce(0, +) / 20
        let early: Float = log.losses.prefix(5).reduce(0, +) / 5
        #expect(late < early * 0.3)
        #expect(log.evaluations.last!.testAccuracy > 0.95)
        #expect(log.snapshots.map(\.iteration) == [0, 50, 100, 149])
        #expect(log.snapshots[0].gradientNorms.count == 3 && log.snapshots[0].activationStd.count == 2)
    }

    @Test func logIsIdenticalAtOneAndTwoThreads() {
        #expect(
            Self.train(threads: 1, optimizer: .adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8))
                == Self.train(threads: 2, optimizer: .adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8)))
    }

    @Test func divergenceIsReportedNotFatal() {
        let log = Self.train(learningRate: 1e6, threads: 2)
        #expect(log.divergedAt != nil)
        #expect(log.losses.count == log.divergedAt!)
    }

    @Test func samplerCoversEachEpochOnce() {
        var sampler = BatchSampler(sampleCount: 10, batchSize: 3, stream: RandomStream(seed: 1, path: "s"))
        let epoch = (0..<3).flatMap { _ in Array(sampler.next()) }
        #expect(Set(epoch).count == 9)
        var again = BatchSampler(sampleCount: 10, batchSize: 3, stream: RandomStream(seed: 1, path: "s"))
        #expect(Array(again.next()) == Array(epoch.prefix(3)))
    }
}
