import Datasets
import Foundation
import LinearAlgebra
import Network
import Randomness
import Results
import Spec
import Training

/// The training runs of one experiment (variants x repeats) as sessions ready to advance, and
/// the assembly of their logs into a `TrainingResult` once they are done.
final class TrainingJobs: @unchecked Sendable {
    let experiment: TrainingExperiment
    let data: Dataset
    let probe: LabeledSamples
    let sessions: [TrainingSession]
    /// Training samples whose accuracy is reported.
    let evaluationTrainCount: Int
    private let jobs: [(variant: Int, repeatIndex: Int)]
    private let lsuvRescalings: [[Int]?]
    private let initialNetworks: [MLP<Float>]

    init(_ experiment: TrainingExperiment, spec: ExperimentSpec, data: Dataset, threadsPerSession: Int) throws(RunError)
    {
        self.experiment = experiment
        self.data = data
        let train = LabeledSamples(
            features: data.train.features, labels: data.train.labels, classCount: data.classCount)
        let test = LabeledSamples(features: data.test.features, labels: data.test.labels, classCount: data.classCount)
        probe = TrainingRun.probeBatch(train, size: experiment.probeSize, seed: spec.seed)
        let evaluationTrain = train.prefix(experiment.evaluationTrainSize)
        evaluationTrainCount = evaluationTrain.count
        jobs = experiment.variants.indices.flatMap { variant in (0..<experiment.repeats).map { (variant, $0) } }
        var sessions: [TrainingSession] = []
        var rescalings: [[Int]?] = []
        var initial: [MLP<Float>?] = Array(repeating: nil, count: experiment.variants.count)
        for (variantIndex, repeatIndex) in jobs {
            let variant = experiment.variants[variantIndex]
            let (mlp, lsuv) = try TrainingRun.initialNetwork(
                variant, inputs: train.features.columns, classes: data.classCount,
                seed: spec.seed, repeatIndex: repeatIndex, probe: probe.features)
            if repeatIndex == 0 { initial[variantIndex] = mlp }
            let sampler = BatchSampler(
                sampleCount: train.count, batchSize: experiment.batchSize,
                stream: RandomStream(seed: spec.seed, path: "repeat/\(repeatIndex)/data/shuffle"))
            sessions.append(
                TrainingSession(
                    trainer: Trainer(settings: experiment.settings(for: variant)), mlp: mlp, train: train, test: test,
                    evaluationTrain: evaluationTrain, probe: probe.features, sampler: sampler,
                    threads: threadsPerSession))
            rescalings.append(lsuv)
        }
        self.sessions = sessions
        lsuvRescalings = rescalings
        initialNetworks = initial.map { $0! }
    }

    /// The result, once every session has finished.
    func result() -> TrainingResult {
        var runs: [[TrainingResult.RepeatRun]] = Array(repeating: [], count: experiment.variants.count)
        for (index, job) in jobs.enumerated() {
            runs[job.variant].append(
                TrainingResult.RepeatRun(
                    repeatIndex: job.repeatIndex, log: sessions[index].trainingLog,
                    lsuvRescalings: lsuvRescalings[index]))
        }
        let initial = InitialStatistics(
            networks: initialNetworks, probe: probe, loss: experiment.loss, bins: experiment.histogramBins)
        return TrainingResult(
            dataSummary: data.summary, classCount: data.classCount, iterations: experiment.iterations,
            evaluationTrainSamples: evaluationTrainCount,
            activationEdges: initial.activationEdges, gradientEdges: initial.gradientEdges,
            variants: experiment.variants.enumerated().map { index, variant in
                TrainingResult.VariantRuns(
                    key: variant.key, label: variant.label, runs: runs[index], initial: initial.states[index])
            })
    }
}
