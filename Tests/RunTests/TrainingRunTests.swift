import Foundation
import LinearAlgebra
import Results
import Run
import Spec
import Testing

@Suite(.serialized) struct TrainingRunTests {
    static func spec(learningRate: Double = 0.05, repeats: Int = 2, activation: String = "tanh") throws
        -> ExperimentSpec
    {
        try SpecLoader.parse(
            """
            {"id": "train", "title": "t", "kind": "training", "seed": 4, "repeats": \(repeats),
             "data": {"name": "synthetic", "classes": 3, "dimension": 12, "train_size": 300, "test_size": 100, "separation": 1.5},
             "network": {"depth": 2, "width": 16, "activation": "\(activation)", "initializer": "glorot-normal"},
             "training": {"iterations": 60, "batch_size": 20, "optimizer": {"name": "sgd", "learning_rate": \(learningRate)},
                          "statistics_every": 20, "evaluation_every": 20, "probe_size": 50},
             "variants": [{"label": "small", "initializer": {"name": "normal", "std": 0.01}}, {"label": "Glorot", "initializer": "glorot-normal"}]}
            """, file: "train.json")
    }

    static func result(_ spec: ExperimentSpec) throws -> TrainingResult {
        guard case .training(let training) = try ExperimentRunner.run(spec).body else {
            preconditionFailure("wrong kind")
        }
        return training
    }

    @Test func recordsEveryRunAndTheStateAtInitialization() throws {
        let result = try Self.result(try Self.spec())
        #expect(result.variants.count == 2 && result.variants.allSatisfy { $0.runs.count == 2 })
        let glorot = result.variants[1]
        #expect(glorot.runs.allSatisfy { $0.log.losses.count == 60 && $0.log.divergedAt == nil })
        #expect(glorot.initial.activationHistograms.count == 2 && glorot.initial.gradientHistograms[0].count == 40)
        #expect(result.gradientEdges.first! == -result.gradientEdges.last!)
        // Glorot learns this task; weights of std 0.01 barely move the loss from ln 3.
        #expect(glorot.runs[0].finalLoss(last: 10) < 0.8)
        #expect(abs(result.variants[0].runs[0].log.losses[0] - Float(log(3.0))) < 0.01)
    }

    @Test func sameSeedSameResultsAndThreadCountDoesNotMatter() throws {
        let spec = try Self.spec()
        ComputeThreads.set(1)
        let one = try ExperimentRunner.run(spec)
        ComputeThreads.set(2)
        let two = try ExperimentRunner.run(spec)
        #expect(one == two)
        let other = try ExperimentRunner.run(spec.withSeed(5))
        #expect(other != one)
    }

    @Test func divergenceIsReportedAndTheOtherRunsGoOn() throws {
        let result = try Self.result(try Self.spec(learningRate: 1e6, repeats: 1, activation: "relu"))
        let diverged = result.variants.flatMap(\.runs).filter { $0.log.divergedAt != nil }
        #expect(!diverged.isEmpty)
        #expect(result.variants.allSatisfy { $0.runs.count == 1 })
    }

    @Test func missingDataSetIsAClearError() throws {
        let spec = try SpecLoader.parse(
            """
            {"id": "m", "title": "t", "kind": "training", "seed": 1, "data": "mnist-5k",
             "network": {"depth": 1, "width": 4, "activation": "relu", "initializer": "he-normal"},
             "training": {"iterations": 1}}
            """, file: "m.json")
        do {
            _ = try ExperimentRunner.run(spec, dataRoot: URL(fileURLWithPath: "/nonexistent"))
            Issue.record("ran without data")
        } catch {
            #expect(error.description.contains("make data"))
        }
    }
}
