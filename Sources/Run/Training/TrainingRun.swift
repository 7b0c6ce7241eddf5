import Datasets
import Foundation
import LinearAlgebra
import Network
import Randomness
import Results
import Spec
import Synchronization
import Training

/// Kind "training": every variant trained `repeats` times on the same data, batches and probe.
///
/// Streams: `variant/<key>/repeat/<r>/layer/<l>/weight|bias` for the weights (the output layer is
/// layer depth + 1), `repeat/<r>/data/shuffle` for the batch order (shared by all variants, so
/// they see the same batches), `probe` for the probe batch, `data/...` for splits and subsets.
enum TrainingRun {
    static func run(_ experiment: TrainingExperiment, spec: ExperimentSpec, dataRoot: URL, progress: RunProgress)
        throws(RunError) -> TrainingResult
    {
        let data = try loadData(experiment, seed: spec.seed, root: dataRoot)
        let jobs = try TrainingJobs(
            experiment, spec: spec, data: data,
            threadsPerSession: max(1, ComputeThreads.count / (experiment.variants.count * experiment.repeats)))
        // Every run advances on whichever core is free; each run's steps stay in order.
        let total = Double(jobs.sessions.count * experiment.iterations)
        let done = Atomic<Int>(0)
        let count = jobs.sessions.count
        TrainingSession.runAll(jobs.sessions, threads: ComputeThreads.count) { steps in
            let sum = done.wrappingAdd(steps, ordering: .relaxed).newValue
            progress.report(
                experiment: spec.id, stage: "training \(count) run\(count == 1 ? "" : "s")",
                fractionDone: Double(sum) / total)
        }
        return jobs.result()
    }

    /// The experiment's data set, loaded and preprocessed.
    static func loadData(_ experiment: TrainingExperiment, seed: UInt64, root: URL) throws(RunError) -> Dataset {
        let data: Dataset
        do {
            data = try DatasetLoader.load(
                experiment.data, preprocessing: experiment.preprocessing, seed: seed, root: root)
        } catch {
            throw RunError(error.description)
        }
        guard experiment.batchSize <= data.train.count else {
            throw RunError("batch size \(experiment.batchSize) exceeds the \(data.train.count) training samples")
        }
        return data
    }

    /// A fixed batch of training samples drawn by stream `probe`.
    static func probeBatch(_ train: LabeledSamples, size: Int, seed: UInt64) -> LabeledSamples {
        var stream = RandomStream(seed: seed, path: "probe")
        let indices = stream.permutation(train.count).prefix(min(size, train.count)).sorted()
        let columns = train.features.columns
        var features: [Float] = []
        features.reserveCapacity(indices.count * columns)
        for index in indices { features += train.features.elements[(index * columns)..<((index + 1) * columns)] }
        return LabeledSamples(
            features: Matrix(rows: indices.count, columns: columns, elements: features),
            labels: indices.map { train.labels[$0] }, classCount: train.classCount)
    }

    /// The variant's network for one repeat: hidden layers and the output layer initialized by
    /// the variant's rules, then LSUV (on the probe batch) when requested.
    static func initialNetwork(
        _ variant: TrainingVariant, inputs: Int, classes: Int, seed: UInt64, repeatIndex: Int,
        probe: Matrix<Float>
    ) throws(RunError) -> (MLP<Float>, [Int]?) {
        let network = variant.network
        let configuration = MLPConfiguration(
            inputs: inputs, hidden: network.widths, outputs: classes, activation: network.activation,
            batchNormalization: network.batchNormalization, hiddenBias: network.bias != nil)
        let key = "\(variant.key)/repeat/\(repeatIndex)"
        let (hidden, lsuv) = try NetworkBuilder.build(
            network, inputDimension: inputs, variantKey: key, seed: seed, lsuvBatch: probe)
        let widths = configuration.widths
        var weights = hidden.layers.map(\.weight.elements)
        var biases: [[Float]] = (0..<network.widths.count).map { layer in
            configuration.hasBias(layer)
                ? (hidden.layers[layer].bias ?? [Float](repeating: 0, count: widths[layer + 1])) : []
        }
        let output = RandomStream(seed: seed, path: "variant/\(key)/layer/\(network.widths.count + 1)")
        var weightStream = output.derive("weight")
        do {
            weights.append(
                try network.initializer.weight.denseWeight(
                    inputs: widths[widths.count - 2], outputs: classes, stream: &weightStream
                ).elements)
        } catch {
            throw RunError("variant \(variant.key), output layer: \(error.description)")
        }
        var biasStream = output.derive("bias")
        let shape = WeightShape(inputs: widths[widths.count - 2], outputs: classes)
        biases.append(
            network.bias.map { $0.sampleBias(for: shape, stream: &biasStream).map(Float.init) }
                ?? [Float](repeating: 0, count: classes))
        return (MLP(configuration: configuration, weights: weights, biases: biases), lsuv?.map(\.rescalings))
    }
}
