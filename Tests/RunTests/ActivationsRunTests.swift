import Results
import Run
import Spec
import Testing

@Suite struct ActivationsRunTests {
    static func spec(activation: String, variants: [String], seed: Int = 2010, count: Int = 200, width: Int = 100)
        throws -> ExperimentSpec
    {
        try SpecLoader.parse(
            """
            {"id": "t", "title": "t", "kind": "activations", "seed": \(seed),
             "input": {"distribution": "normal", "count": \(count), "dimension": 100},
             "network": {"depth": 5, "width": \(width), "activation": "\(activation)", "initializer": "he-normal"},
             "variants": [\(variants.joined(separator: ","))],
             "histogram": {"bins": 30, "range": [0, 1]}}
            """, file: "t.json")
    }

    static let sigmoidVariants = [
        #"{"label": "std 1", "initializer": {"name": "normal", "std": 1}}"#,
        #"{"label": "std 0.01", "initializer": {"name": "normal", "std": 0.01}}"#,
        #"{"label": "Xavier", "initializer": "glorot-normal"}"#,
    ]

    static func layers(_ result: ExperimentResult) -> [ActivationsResult.VariantLayers] {
        guard case .activations(let activations) = result.body else { preconditionFailure("wrong kind") }
        return activations.variants
    }

    /// The textbook's observations: std 1 saturates at 0 and 1, std 0.01 collapses at 0.5,
    /// Xavier stays spread out.
    @Test func sigmoidReproducesTheTextbookFigure() throws {
        let variants = Self.layers(
            try ExperimentRunner.run(try Self.spec(activation: "sigmoid", variants: Self.sigmoidVariants)))
        #expect(variants.map(\.layers.count) == [5, 5, 5], "the loops below see every layer")
        // Pre-activation std is about 10 in layer 1 and 6 after; within 0.01 of 0 or 1 means |h| > 4.6.
        for layer in variants[0].layers {
            #expect(layer.fractionSaturated! > 0.4, "std 1, layer \(layer.layer)")
            #expect(layer.histogram.first! + layer.histogram.last! > layer.histogram.reduce(0, +) * 2 / 5)
        }
        // Pre-activation std 0.1 then 0.05: activations within a few hundredths of 0.5.
        for layer in variants[1].layers {
            #expect(abs(layer.mean - 0.5) < 0.01 && layer.standardDeviation < 0.03, "std 0.01, layer \(layer.layer)")
            #expect(layer.fractionSaturated == 0)
            #expect(Double(layer.histogram[12...17].reduce(0, +)) >= 0.999 * Double(layer.histogram.reduce(0, +)))
        }
        for layer in variants[2].layers {
            #expect(layer.standardDeviation > 0.1 && layer.fractionSaturated! < 0.05, "Xavier, layer \(layer.layer)")
        }
        let counts = variants[0].layers[0]
        #expect(counts.histogram.reduce(0, +) + counts.belowRange + counts.aboveRange == 200 * 100)
    }

    /// ReLU: He keeps the second moment, Xavier (1/n) halves it per layer (theory.md). One network
    /// of width N fluctuates by about sqrt(2/N) in variance per layer, hence width 400 and a
    /// tolerance of about three such fluctuations on the std ratio.
    @Test func reluFollowsTheVarianceMaps() throws {
        let variants = Self.layers(
            try ExperimentRunner.run(
                try Self.spec(
                    activation: "relu",
                    variants: [
                        #"{"label": "Xavier", "initializer": "glorot-normal"}"#,
                        #"{"label": "He", "initializer": "he-normal"}"#,
                    ], count: 100, width: 400)))
        let xavier = variants[0].layers.map(\.preactivationStandardDeviation)
        let he = variants[1].layers.map(\.preactivationStandardDeviation)
        for l in 1..<5 {
            #expect(abs(xavier[l] / xavier[l - 1] - 1 / 2.0.squareRoot()) < 0.1, "Xavier ratio at layer \(l + 1)")
            #expect(abs(he[l] / he[l - 1] - 1) < 0.1, "He ratio at layer \(l + 1)")
        }
        #expect(variants[1].layers.allSatisfy { abs($0.fractionZero! - 0.5) < 0.05 })
    }

    @Test func sameSpecGivesIdenticalResultsAndSeedChangesThem() throws {
        let spec = try Self.spec(activation: "tanh", variants: Self.sigmoidVariants, count: 50)
        let first = try ExperimentRunner.run(spec)
        #expect(first == (try ExperimentRunner.run(spec)))
        let reseeded = try ExperimentRunner.run(spec.withSeed(99))
        #expect(Self.layers(first)[2].layers[0].mean != Self.layers(reseeded)[2].layers[0].mean)
    }

    /// Adding a variant adds streams and leaves the others' numbers untouched.
    @Test func addingAVariantLeavesTheOthersUnchanged() throws {
        let two = try ExperimentRunner.run(
            try Self.spec(activation: "tanh", variants: Array(Self.sigmoidVariants.prefix(2)), count: 50))
        let three = try ExperimentRunner.run(
            try Self.spec(
                activation: "tanh", variants: [Self.sigmoidVariants[2]] + Self.sigmoidVariants.prefix(2), count: 50))
        #expect(Self.layers(two)[0] == Self.layers(three)[1])
        #expect(Self.layers(two)[1] == Self.layers(three)[2])
    }

    @Test func automaticRangeCoversEveryPanel() throws {
        let spec = try SpecLoader.parse(
            """
            {"id": "t", "title": "t", "kind": "activations", "seed": 1,
             "input": {"distribution": "uniform", "count": 64, "dimension": 10},
             "network": {"depth": 3, "width": 10, "activation": "relu", "initializer": "he-normal"},
             "histogram": {"bins": 10, "range": "auto", "values": "preactivation"}}
            """, file: "t.json")
        guard case .activations(let result) = try ExperimentRunner.run(spec).body else {
            Issue.record("wrong kind")
            return
        }
        #expect(result.histogramEdges.count == 11)
        #expect(result.variants.count == 1 && result.variants[0].layers.count == 3)
        for layer in result.variants[0].layers {
            #expect(layer.belowRange == 0 && layer.aboveRange == 0 && layer.histogram.reduce(0, +) == 640)
        }
    }
}
