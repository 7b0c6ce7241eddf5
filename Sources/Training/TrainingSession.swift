import LinearAlgebra
import Results
import Synchronization

/// One training run in progress: the network, its buffers, its batch order and its log. A
/// session advances in steps, so many sessions can share the cores: each step of a session
/// runs after the previous one, on whichever thread is free, with the same result.
public final class TrainingSession: @unchecked Sendable {
    let trainer: Trainer
    var mlp: MLP<Float>
    let train: LabeledSamples
    let test: LabeledSamples
    let evaluationTrain: LabeledSamples
    let probe: Matrix<Float>
    var sampler: BatchSampler
    let engine: MLPEngine<Float>
    let evaluator: MLPEngine<Float>
    var optimizerStates: OptimizerStates<Float>
    var batch: [Float]
    var batchLabels: [Int32]
    /// Iterations done so far.
    public private(set) var iteration = 0
    public private(set) var isFinished = false
    var log = TrainingLog()

    /// A run ready to start; its products use `threads` threads.
    public init(
        trainer: Trainer, mlp: MLP<Float>, train: LabeledSamples, test: LabeledSamples, evaluationTrain: LabeledSamples,
        probe: Matrix<Float>, sampler: BatchSampler, threads: Int
    ) {
        let settings = trainer.settings
        self.trainer = trainer
        self.mlp = mlp
        self.train = train
        self.test = test
        self.evaluationTrain = evaluationTrain
        self.probe = probe
        self.sampler = sampler
        engine = MLPEngine(configuration: mlp.configuration, capacity: settings.batchSize, threads: threads)
        let evaluationRows = max(1, min(trainer.evaluationChunk, max(test.count, probe.rows, evaluationTrain.count)))
        evaluator = MLPEngine(configuration: mlp.configuration, capacity: evaluationRows, threads: threads)
        optimizerStates = OptimizerStates(mlp, optimizer: settings.optimizer)
        batch = [Float](repeating: 0, count: settings.batchSize * mlp.configuration.inputs)
        batchLabels = [Int32](repeating: 0, count: settings.batchSize)
        log.losses.reserveCapacity(settings.iterations)
    }

    /// Iterations the run is set to do.
    public var totalIterations: Int { trainer.settings.iterations }

    /// The trained network (after the session finished).
    public var network: MLP<Float> { mlp }

    /// The record of the run so far.
    public var trainingLog: TrainingLog { log }

    /// Runs up to `steps` iterations; returns true once the run is over (all iterations done, or
    /// diverged), after its final evaluation.
    @discardableResult
    public func advance(steps: Int) -> Bool {
        guard !isFinished else { return true }
        for _ in 0..<steps {
            guard iteration < trainer.settings.iterations else { break }
            let going = trainer.step(self)
            iteration += 1
            if !going { break }
        }
        if iteration >= trainer.settings.iterations || log.divergedAt != nil {
            trainer.finish(self)
            isFinished = true
        }
        return isFinished
    }

    /// How `runAll` shares the threads between sessions.
    public enum Scheduling: Sendable {
        /// Every thread repeatedly takes the session waiting longest and runs a few of its
        /// steps, so all sessions progress together (variants of one experiment finish together).
        case interleaved
        /// Every thread runs one session to its end before taking the next, in index order, so
        /// sessions finish one by one (a sweep stores each finished cell at once).
        case sequential
    }

    /// Runs every session to its end on `threads` threads; each session's steps still run
    /// strictly in order, so the results do not depend on the scheduling or the thread count.
    /// `finished(i)` is called (on a worker thread) as soon as session i is done.
    public static func runAll(
        _ sessions: [TrainingSession], threads: Int, scheduling: Scheduling = .interleaved,
        progress: (@Sendable (Int) -> Void)? = nil, finished onFinish: (@Sendable (Int) -> Void)? = nil
    ) {
        let queue = Mutex<[Int]>(Array(sessions.indices))
        let done = Atomic<Int>(0)
        let shared = UncheckedSendable(sessions)
        let workers = max(1, min(threads, sessions.count))
        ParallelLoop.run(workers, threads: workers) { _ in
            while true {
                guard let index = queue.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else {
                    if done.load(ordering: .acquiring) == shared.value.count { return }
                    continue
                }
                let session = shared.value[index]
                var finished = false
                repeat {
                    let before = session.iteration
                    finished = session.advance(steps: 25)
                    progress?(session.iteration - before)
                } while !finished && scheduling == .sequential
                if finished {
                    onFinish?(index)
                    done.wrappingAdd(1, ordering: .releasing)
                } else {
                    queue.withLock { $0.append(index) }
                }
            }
        }
    }
}
