import Foundation
import Spec
import Testing

@testable import Run

@Suite struct MemoryEstimateTests {
    static let root = URL(fileURLWithPath: FileManager.default.temporaryDirectory.path)
    static let limit = MemoryLimit(bytes: 19e9, source: "test")

    static func activations(count: Int = 1000, dimension: Int = 100, width: Int, depth: Int = 2) throws
        -> ExperimentSpec
    {
        try SpecLoader.parse(
            """
            {"id": "t", "title": "t", "kind": "activations", "seed": 1,
             "input": {"distribution": "normal", "count": \(count), "dimension": \(dimension)},
             "network": {"depth": \(depth), "width": \(width), "activation": "tanh", "initializer": "glorot-normal"},
             "histogram": {"bins": 30, "range": [-1, 1]}}
            """, file: "x.json")
    }

    static func refusal(_ spec: ExperimentSpec) -> String? {
        do {
            try ExperimentRunner.checkMemory(spec, dataRoot: root, limit: limit)
            return nil
        } catch {
            return error.description
        }
    }

    /// Width 100000: a 1e10-weight layer (40 GB) is refused with the estimate, its parts and the limit.
    @Test func refusesWidth100000() throws {
        let message = try #require(Self.refusal(try Self.activations(width: 100_000)))
        #expect(message.hasPrefix("needs about 4"), "\(message)")
        #expect(message.contains("network weights 40 GB"), "\(message)")
        #expect(message.contains("; this machine allows 19 GB (test)"), "\(message)")
    }

    /// Input count x dimension of 1e11 (400 GB of input) and a synthetic data set of 2e10 values.
    @Test func refusesHugeInputsAndDataSets() throws {
        let input = try #require(Self.refusal(try Self.activations(count: 1_000_000, dimension: 100_000, width: 10)))
        #expect(input.contains("input data 400 GB"), "\(input)")
        let synthetic = try SpecLoader.parse(
            """
            {"id": "t", "title": "t", "kind": "training", "seed": 1,
             "data": {"name": "synthetic", "dimension": 10000, "train_size": 1000000, "test_size": 1000000},
             "network": {"depth": 1, "width": 10, "activation": "relu", "initializer": "he-normal"},
             "training": {"iterations": 10, "optimizer": {"name": "sgd", "learning_rate": 0.1}}}
            """, file: "x.json")
        let data = try #require(Self.refusal(synthetic))
        #expect(data.contains("data 80"), "\(data)")
    }

    /// The run itself checks, before computing anything.
    @Test func runRefusesBeforeRunning() throws {
        let spec = try Self.activations(width: 10)
        #expect(throws: RunError.self) {
            _ = try ExperimentRunner.run(spec, memoryLimit: MemoryLimit(bytes: 1e6, source: "test"))
        }
        _ = try ExperimentRunner.run(spec, memoryLimit: Self.limit)
    }

    /// Every shipped experiment fits in 4 GB, so the defaults run on a small machine.
    @Test func acceptsTheShippedExperiments() throws {
        let shipped = try ShippedExperiments.specs()
        #expect(shipped.count >= 10)
        for (file, spec) in shipped {
            let estimate = MemoryEstimate.of(spec, dataRoot: Self.root, threads: 2)
            #expect(estimate.totalBytes < 4e9, "\(file): \(estimate.summary)")
            try ExperimentRunner.checkMemory(spec, dataRoot: Self.root, limit: MemoryLimit(bytes: 4e9, source: "test"))
        }
    }

    @Test func limitComesFromTheEnvironmentOrTheMachine() throws {
        #expect(try MemoryLimit.current(environment: ["INITLAB_MEMORY_LIMIT": "8G"]).bytes == 8e9)
        #expect(try MemoryLimit.current(environment: ["INITLAB_MEMORY_LIMIT": "512M"]).bytes == 512e6)
        #expect(try MemoryLimit.current(environment: ["INITLAB_MEMORY_LIMIT": "1000000"]).bytes == 1e6)
        for bad in ["8GB", "-1", "0", "lots", ""] {
            #expect(throws: RunError.self, "\(bad)") {
                _ = try MemoryLimit.current(environment: ["INITLAB_MEMORY_LIMIT": bad])
            }
        }
        let machine = try MemoryLimit.current(environment: [:])
        #expect(machine.bytes > 1e8 && machine.bytes <= MemoryLimit.physicalMemory())
        #expect(machine.source.contains("INITLAB_MEMORY_LIMIT"))
    }

    @Test func formatsDecimalUnits() {
        #expect(MemoryEstimate.format(74.5e9) == "74.5 GB")
        #expect(MemoryEstimate.format(40e9) == "40 GB")
        #expect(MemoryEstimate.format(512e6) == "512 MB")
        #expect(MemoryEstimate.format(1.25e6) == "1.2 MB" || MemoryEstimate.format(1.25e6) == "1.3 MB")
        #expect(MemoryEstimate.format(300) == "300 bytes")
    }
}
