import LinearAlgebra
import Results

/// Trains one network with mini-batch gradient descent and records its `TrainingLog`.
///
/// Pure apart from the optional progress callback: the same network, data, settings and
/// sampler give a bit-identical log. A non-finite loss or parameter stops the run and is
/// recorded as divergence (a result, not an error).
public struct Trainer {
    public let settings: TrainingSettings
    /// Largest number of rows evaluated at once (accuracy, probe statistics).
    public var evaluationChunk = 1000

    public init(settings: TrainingSettings) { self.settings = settings }

    /// Trains to the end on the calling thread (products may use `ComputeThreads.count` threads).
    /// - Parameters:
    ///   - evaluationTrain: the training samples whose accuracy is reported (often a subset).
    ///   - probe: a fixed batch whose per-layer activations are summarized.
    ///   - progress: called with the iteration count done, now and then.
    public func train(
        _ mlp: inout MLP<Float>, on train: LabeledSamples, test: LabeledSamples, evaluationTrain: LabeledSamples,
        probe: Matrix<Float>, sampler: inout BatchSampler, progress: ((Int) -> Void)? = nil
    ) -> TrainingLog {
        let session = TrainingSession(
            trainer: self, mlp: mlp, train: train, test: test, evaluationTrain: evaluationTrain,
            probe: probe, sampler: sampler, threads: ComputeThreads.count)
        while !session.advance(steps: 50) { progress?(session.iteration) }
        progress?(settings.iterations)
        mlp = session.mlp
        sampler = session.sampler
        return session.log
    }

    /// One training iteration of `session`: batch, forward, loss, backward, logging, update.
    /// Returns false when the run stops (divergence).
    func step(_ session: TrainingSession) -> Bool {
        let iteration = session.iteration
        let inputs = session.mlp.configuration.inputs
        let indices = session.sampler.next()
        session.train.features.elements.withUnsafeBufferPointer { source in
            session.batch.withUnsafeMutableBufferPointer { target in
                // Index loops: the generic iterators allocate in debug builds.
                for row in 0..<indices.count {
                    let sample = indices[indices.startIndex + row]
                    (target.baseAddress! + row * inputs).update(
                        from: source.baseAddress! + sample * inputs, count: inputs)
                    session.batchLabels[row] = session.train.labels[sample]
                }
            }
        }
        let engine = session.engine
        let loss = session.batch.withUnsafeBufferPointer { input -> Double in
            engine.forward(&session.mlp, input: input.baseAddress!, rows: settings.batchSize, training: true)
            let dataLoss = session.batchLabels.withUnsafeBufferPointer {
                engine.loss(settings.loss, labels: $0.baseAddress!)
            }
            engine.backward(session.mlp, input: input.baseAddress!, weightDecay: Float(settings.weightDecay))
            return dataLoss + penalty(session.mlp)
        }
        guard loss.isFinite else {
            session.log.divergedAt = iteration
            return false
        }
        session.log.losses.append(Float(loss))
        let gradients = engine.gradients!
        if due(iteration, every: settings.statisticsEvery) {
            session.log.snapshots.append(
                snapshot(
                    iteration: iteration, mlp: &session.mlp, gradients: gradients, probe: session.probe,
                    evaluator: session.evaluator))
        }
        if due(iteration, every: settings.evaluationEvery) {
            session.log.evaluations.append(
                evaluate(
                    iteration: iteration, mlp: &session.mlp, train: session.evaluationTrain,
                    test: session.test, evaluator: session.evaluator))
        }
        let rate = Float(settings.schedule.rate(base: settings.learningRate, iteration: iteration))
        session.optimizerStates.update(
            &session.mlp, gradients: gradients, optimizer: settings.optimizer, learningRate: rate, step: iteration + 1)
        if iteration % 50 == 49 && !session.mlp.isFinite {
            session.log.divergedAt = iteration + 1
            return false
        }
        return true
    }

    /// Closes a run: the final evaluation unless it diverged.
    func finish(_ session: TrainingSession) {
        if session.log.divergedAt == nil {
            session.log.evaluations.append(
                evaluate(
                    iteration: settings.iterations, mlp: &session.mlp, train: session.evaluationTrain,
                    test: session.test, evaluator: session.evaluator))
        }
    }

    /// Logged at iteration 0, every `every` iterations, and at the last one.
    private func due(_ iteration: Int, every: Int) -> Bool {
        iteration == 0 || iteration == settings.iterations - 1 || (every > 0 && iteration % every == 0)
    }

    /// 0.5 * weightDecay * sum of squared weights, as the textbook adds to its loss.
    private func penalty(_ mlp: MLP<Float>) -> Double {
        guard settings.weightDecay > 0 else { return 0 }
        var sum = 0.0
        for layer in 0..<mlp.weights.count {
            mlp.weights[layer].withUnsafeBufferPointer { weight in
                for index in 0..<weight.count { sum += Double(weight[index]) * Double(weight[index]) }
            }
        }
        return 0.5 * settings.weightDecay * sum
    }

    private func snapshot(
        iteration: Int, mlp: inout MLP<Float>, gradients: MLPGradients<Float>, probe: Matrix<Float>,
        evaluator: MLPEngine<Float>
    ) -> TrainingLog.Snapshot {
        let hidden = mlp.configuration.hidden.count
        var sums = [Double](repeating: 0, count: hidden)
        var squares = sums
        var values: [[Float]] = Array(repeating: [], count: hidden)
        var start = 0
        while start < probe.rows {
            let rows = min(evaluator.capacity, probe.rows - start)
            probe.elements.withUnsafeBufferPointer { buffer in
                evaluator.forward(&mlp, input: buffer.baseAddress! + start * probe.columns, rows: rows, training: false)
            }
            for layer in 0..<hidden {
                let activations = evaluator.activations(ofLayer: layer)
                for value in activations { sums[layer] += Double(value) }
                values[layer].append(contentsOf: activations)
            }
            start += rows
        }
        var means: [Double] = []
        var stds: [Double] = []
        var percentiles: [Double] = []
        for layer in 0..<hidden {
            let count = Double(values[layer].count)
            let mean = sums[layer] / count
            for value in values[layer] { squares[layer] += (Double(value) - mean) * (Double(value) - mean) }
            means.append(mean)
            stds.append((squares[layer] / count).squareRoot())
            let sorted = values[layer].sorted()
            let rank = max(0, Int((0.98 * count).rounded(.up)) - 1)
            percentiles.append(Double(sorted[rank]))
        }
        return TrainingLog.Snapshot(
            iteration: iteration, activationMean: means, activationStd: stds,
            activation98thPercentile: percentiles, gradientNorms: gradients.weightNorms)
    }

    private func evaluate(
        iteration: Int, mlp: inout MLP<Float>, train: LabeledSamples, test: LabeledSamples, evaluator: MLPEngine<Float>
    ) -> TrainingLog.Evaluation {
        let (trainAccuracy, _) = accuracy(of: &mlp, on: train, evaluator: evaluator)
        let (testAccuracy, testLoss) = accuracy(of: &mlp, on: test, evaluator: evaluator)
        return TrainingLog.Evaluation(
            iteration: iteration, trainAccuracy: trainAccuracy, testAccuracy: testAccuracy, testLoss: testLoss)
    }

    /// Fraction classified correctly (first largest logit wins) and the mean loss, in evaluation mode.
    func accuracy(of mlp: inout MLP<Float>, on samples: LabeledSamples, evaluator: MLPEngine<Float>) -> (Double, Double)
    {
        guard samples.count > 0 else { return (.nan, .nan) }
        var correct = 0
        var lossSum = 0.0
        var start = 0
        let classes = mlp.configuration.outputs
        while start < samples.count {
            let rows = min(evaluator.capacity, samples.count - start)
            samples.features.elements.withUnsafeBufferPointer { buffer in
                evaluator.forward(
                    &mlp, input: buffer.baseAddress! + start * samples.features.columns, rows: rows, training: false)
            }
            let logits = evaluator.output
            for row in 0..<rows {
                var best = 0
                for j in 1..<classes where logits[row * classes + j] > logits[row * classes + best] { best = j }
                if Int32(best) == samples.labels[start + row] { correct += 1 }
            }
            lossSum +=
                samples.labels.withUnsafeBufferPointer { labels in
                    evaluator.loss(settings.loss, labels: labels.baseAddress! + start)
                } * Double(rows)
            start += rows
        }
        return (Double(correct) / Double(samples.count), lossSum / Double(samples.count))
    }
}

/// One optimizer state per parameter array of an MLP, in the MLP's parameter order.
struct OptimizerStates<Scalar: TrainingScalar> {
    var weights: [OptimizerState<Scalar>]
    var biases: [OptimizerState<Scalar>]
    var gammas: [OptimizerState<Scalar>]
    var betas: [OptimizerState<Scalar>]

    init(_ mlp: MLP<Scalar>, optimizer: Optimizer) {
        weights = mlp.weights.map { OptimizerState(count: $0.count, optimizer: optimizer) }
        biases = mlp.biases.map { OptimizerState(count: $0.count, optimizer: optimizer) }
        gammas = mlp.gammas.map { OptimizerState(count: $0.count, optimizer: optimizer) }
        betas = mlp.betas.map { OptimizerState(count: $0.count, optimizer: optimizer) }
    }

    mutating func update(
        _ mlp: inout MLP<Scalar>, gradients: MLPGradients<Scalar>, optimizer: Optimizer, learningRate: Scalar, step: Int
    ) {
        for layer in mlp.weights.indices {
            weights[layer].update(
                &mlp.weights[layer], gradient: gradients.weights[layer], optimizer: optimizer,
                learningRate: learningRate, step: step)
            biases[layer].update(
                &mlp.biases[layer], gradient: gradients.biases[layer], optimizer: optimizer, learningRate: learningRate,
                step: step)
        }
        for layer in mlp.gammas.indices {
            gammas[layer].update(
                &mlp.gammas[layer], gradient: gradients.gammas[layer], optimizer: optimizer, learningRate: learningRate,
                step: step)
            betas[layer].update(
                &mlp.betas[layer], gradient: gradients.betas[layer], optimizer: optimizer, learningRate: learningRate,
                step: step)
        }
    }
}
