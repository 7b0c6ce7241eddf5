import AllocationCounter
import LinearAlgebra
import Network
import Randomness
import Testing
import Training

/// "A training step allocates nothing": counted with the test binary's malloc (see
/// Tests/AllocationCounter), over steps after a warm-up, within one epoch (the first step of an
/// epoch draws the new permutation) and away from logged iterations. The count is per thread, so
/// the sessions run on one thread.
@Suite(.serialized) struct AllocationTests {
    static func session(batchNormalization: Bool, optimizer: Optimizer, threads: Int) -> TrainingSession {
        let train = TrainerTests.blobs(count: 600, seed: 5)
        let test = TrainerTests.blobs(count: 100, seed: 6)
        let base = TrainerTests.network()
        let configuration = MLPConfiguration(
            inputs: 20, hidden: [32, 32], outputs: 3, activation: .tanh, batchNormalization: batchNormalization)
        let biases = (0..<3).map { layer in
            [Float](repeating: 0, count: configuration.hasBias(layer) ? configuration.widths[layer + 1] : 0)
        }
        let mlp = MLP(configuration: configuration, weights: base.weights, biases: biases)
        let settings = TrainingSettings(
            iterations: 1000, batchSize: 32, learningRate: 0.01, optimizer: optimizer, weightDecay: 1e-4,
            statisticsEvery: 10_000, evaluationEvery: 0)
        return TrainingSession(
            trainer: Trainer(settings: settings), mlp: mlp, train: train, test: test,
            evaluationTrain: train.prefix(100), probe: test.features,
            sampler: BatchSampler(sampleCount: 600, batchSize: 32, stream: RandomStream(seed: 9, path: "s")),
            threads: threads)
    }

    @Test(arguments: [false, true])
    func trainingStepsAllocateNothing(batchNormalization: Bool) {
        // The first check of the parameters instantiates some generic metadata, once per process.
        Self.session(batchNormalization: batchNormalization, optimizer: .sgd, threads: 1).advance(steps: 60)
        for optimizer in [Optimizer.sgd, .adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8)] {
            let session = Self.session(batchNormalization: batchNormalization, optimizer: optimizer, threads: 1)
            // 18 batches per epoch: iterations 36...53 are epoch 2; 49 checks the parameters.
            session.advance(steps: 37)
            let before = initlab_allocation_count()
            session.advance(steps: 16)
            let allocations = initlab_allocation_count() - before
            #expect(session.iteration == 53)
            #expect(allocations == 0, "batch norm \(batchNormalization), \(optimizer.name): \(allocations) allocations")
        }
    }

    /// The counter sees Swift's allocations (so a zero above is not vacuous).
    @Test func counterCountsSwiftAllocations() {
        let before = initlab_allocation_count()
        let array = [Float](repeating: 1, count: Int.random(in: 100...200))
        #expect(initlab_allocation_count() - before >= 1 && array.count >= 100)
    }
}
