import Foundation
import JSON
import Network
import Spec
import Testing

@Suite struct SpecLoaderTests {
    static let minimal = """
        {
          "id": "demo",
          "title": "Demo",
          "kind": "activations",
          "seed": 7,
          "input": {"distribution": "normal", "count": 10, "dimension": 4},
          "network": {"depth": 3, "width": 8, "activation": "tanh", "initializer": "he-normal"},
          "variants": [
            {"label": "He", "initializer": {"name": "he-normal", "gain": "auto"}},
            {"label": "Orthogonal", "initializer": {"name": "orthogonal", "gain": 1.5}, "activation": {"name": "leaky-relu", "slope": 0.2}}
          ]
        }
        """

    static func load(_ text: String) throws(SpecErrors) -> ExperimentSpec {
        try SpecLoader.parse(text, file: "demo.json")
    }

    /// The one-line message for a spec, or nil when it is valid.
    static func problem(_ text: String) -> String? {
        do {
            _ = try load(text)
            return nil
        } catch {
            return error.description
        }
    }

    static func replacing(_ old: String, with new: String) -> String {
        precondition(minimal.contains(old), "test fixture lacks \(old)")
        return minimal.replacingOccurrences(of: old, with: new)
    }

    @Test func resolvesDefaultsAndOverrides() throws {
        let spec = try Self.load(Self.minimal)
        #expect(spec.id == "demo" && spec.seed == 7 && spec.description == "")
        guard case .activations(let experiment) = spec.body else {
            Issue.record("wrong kind")
            return
        }
        #expect(experiment.variants.map(\.key) == ["he", "orthogonal"])
        let he = experiment.variants[0].network
        #expect(he.widths == [8, 8, 8] && he.activation == .tanh && he.bias == nil)
        #expect(
            he.initializer.weight
                == .varianceScaling(scale: (5.0 / 3) * (5.0 / 3), mode: .fanIn, distribution: .untruncatedNormal))
        let orthogonal = experiment.variants[1].network
        #expect(orthogonal.activation == .leakyReLU(slope: 0.2))
        #expect(orthogonal.initializer.weight == .orthogonal(gain: 1.5))
        #expect(experiment.histogram == HistogramSpec(bins: 30, range: .automatic, values: .activation))
        #expect(spec.figures.names == ["histograms", "layer-statistics"])
        // The spec as run shows the expanded initializer with its defaults.
        #expect(spec.resolved.value(at: JSONPointer(["network", "initializer", "mode"])) == .string("fan_in"))
        #expect(spec.resolved.value(at: JSONPointer(["network", "initializer", "gain"])) == .string("relu"))
    }

    @Test func canonicalTextIgnoresKeyOrderAndWhitespace() throws {
        let reordered = """
            {"seed": 7, "kind": "activations", "title": "Demo", "id": "demo",
             "network": {"initializer": "he-normal", "activation": "tanh", "width": 8, "depth": 3},
             "input": {"dimension": 4, "count": 10, "distribution": "normal"},
             "variants": [
               {"initializer": {"gain": "auto", "name": "he-normal"}, "label": "He"},
               {"activation": {"slope": 0.2, "name": "leaky-relu"}, "label": "Orthogonal", "initializer": {"gain": 1.5, "name": "orthogonal"}}
             ]}
            """
        #expect(try Self.load(reordered).canonicalText == Self.load(Self.minimal).canonicalText)
    }

    @Test func seedOverrideIsRecordedInTheResolvedSpec() throws {
        let spec = try Self.load(Self.minimal).withSeed(12345)
        #expect(spec.seed == 12345)
        #expect(spec.resolved.value(at: JSONPointer(["seed"])) == .integer(12345))
    }

    @Test(arguments: [
        // (old fragment, new fragment, expected pieces of the one-line message)
        (
            "\"depth\": 3", "\"depth\": -3",
            ["demo.json: /network/depth (line 7", "expected an integer from 1 to 10000, found -3"]
        ),
        ("\"depth\": 3", "\"depht\": 3", ["/network/depht", "unknown key \"depht\"", "did you mean \"depth\"?"]),
        (
            "\"depth\": 3", "\"depth\": \"3\"",
            ["/network/depth", "expected an integer from 1 to 10000, found a string (\"3\")"]
        ),
        ("\"depth\": 3", "\"depth\": 3.5", ["/network/depth", "found a number (3.5)"]),
        (
            "\"initializer\": \"he-normal\"", "\"initializer\": \"he-norml\"",
            ["/network/initializer", "found \"he-norml\"", "did you mean \"he-normal\"?"]
        ),
        ("\"gain\": 1.5", "\"gain\": \"rleu\"", ["/variants/1/initializer/gain", "did you mean \"relu\"?"]),
        ("\"gain\": 1.5", "\"gain\": -1", ["/variants/1/initializer/gain", "expected a positive number"]),
        ("\"activation\": \"tanh\"", "\"activation\": \"tahn\"", ["/network/activation", "did you mean \"tanh\"?"]),
        ("\"slope\": 0.2", "\"slope\": 2", ["/variants/1/activation/slope", "expected a number from 0.0 to 0.999"]),
        ("\"seed\": 7,", "", ["demo.json: / (line 1, column 1): missing required key \"seed\""]),
        ("\"kind\": \"activations\"", "\"kind\": \"activation\"", ["/kind", "did you mean \"activations\"?"]),
        (
            "{\"label\": \"He\",", "{\"label\": \"Orthogonal\",",
            ["/variants/1/label", "variant key \"orthogonal\" is used twice"]
        ),
        ("\"id\": \"demo\"", "\"id\": \"Demo Run\"", ["/id", "lower-case letters, digits and '-'"]),
        ("\"count\": 10", "\"count\": 0", ["/input/count", "from 1 to 1000000, found 0"]),
    ])
    func badInputGivesAOneLineErrorWithPathAndExpectation(old: String, new: String, expected: [String]) {
        let message = Self.problem(Self.replacing(old, with: new))
        #expect(message != nil)
        for piece in expected { #expect(message?.contains(piece) == true, "\(message ?? "nil") lacks \(piece)") }
        #expect(message?.contains("\n") == false)
    }

    @Test func malformedJSONNamesLineAndColumn() {
        let message = Self.problem(Self.replacing("\"seed\": 7,", with: "\"seed\": 7"))
        #expect(
            message
                == "demo.json (line 6, column 3): malformed JSON: expected ',' or '}' after the value of \"seed\", found '\"'"
        )
    }

    @Test func missingFileIsAnError() {
        #expect(throws: SpecErrors.self) { try SpecLoader.load(path: "/nonexistent/spec.json") }
        do { _ = try SpecLoader.load(path: "/nonexistent/spec.json") } catch {
            #expect(error.description == "/nonexistent/spec.json: no such file")
        }
    }

    static func firstNetwork(_ text: String) throws -> NetworkSpec {
        guard case .activations(let experiment) = try load(text).body else { preconditionFailure("wrong kind") }
        return experiment.variants[0].network
    }

    @Test func lsuvKeepsItsBaseInitializerAndProcedure() throws {
        let network = try Self.firstNetwork(
            Self.replacing(
                "{\"label\": \"He\", \"initializer\": {\"name\": \"he-normal\", \"gain\": \"auto\"}}",
                with: "{\"label\": \"L\", \"initializer\": {\"name\": \"lsuv\", \"tolerance\": 0.1}}"))
        #expect(network.initializer.name == "lsuv")
        #expect(network.initializer.weight == .orthogonal(gain: 1))
        #expect(network.initializer.lsuv == LSUV(tolerance: 0.1, maxIterations: 20, measurement: .preactivation))
    }

    @Test func torchDefaultBringsItsBiasAndOthersBringZeros() throws {
        let torch = try Self.firstNetwork(
            Self.replacing(
                "{\"label\": \"He\", \"initializer\": {\"name\": \"he-normal\", \"gain\": \"auto\"}}",
                with: "{\"label\": \"T\", \"initializer\": \"torch-default\", \"bias\": true}"))
        let rule = Initializer.varianceScaling(scale: 1.0 / 3, mode: .fanIn, distribution: .uniform)
        #expect(torch.initializer.weight == rule && torch.bias == rule)
        let he = try Self.firstNetwork(
            Self.replacing("\"initializer\": \"he-normal\"", with: "\"initializer\": \"he-normal\", \"bias\": true"))
        #expect(he.bias == .constant(0))
        let message = Self.problem(
            Self.replacing(
                "\"initializer\": \"he-normal\"",
                with: "\"initializer\": \"he-normal\", \"bias\": true, \"bias_initializer\": \"orthogonal\""))
        #expect(
            message?.contains("/network/bias_initializer/name") == true
                && message?.contains("cannot initialize a bias") == true)
    }

    @Test func convolutionOnlyInitializersAreRejectedForDenseNetworks() {
        let message = Self.problem(Self.replacing("\"initializer\": \"he-normal\"", with: "\"initializer\": \"dirac\""))
        #expect(message?.contains("convolution kernels only") == true)
    }

    @Test func autoGainNeedsAStandardGain() {
        let message = Self.problem(Self.replacing("\"activation\": \"tanh\"", with: "\"activation\": \"gelu\""))
        #expect(
            message?.contains("/variants/0/initializer/gain") == true
                && message?.contains("no standard gain for GELU") == true)
    }

    @Test func exportedSchemaDescribesEveryInitializer() {
        let schema = JSONWriter.compact(SpecSchema.jsonSchemaDocument)
        // The README's list, at least: an empty or shortened list of names fails here.
        let documented = [
            "normal", "uniform", "truncated-normal", "zeros", "ones", "constant", "identity", "glorot-uniform",
            "glorot-normal", "he-uniform", "he-normal", "lecun-uniform", "lecun-normal", "variance-scaling",
            "orthogonal", "sparse", "torch-default", "keras-default", "flax-default", "lasagne-default", "lsuv",
        ]
        #expect(Set(documented).isSubset(of: CommonSchemas.initializerNames))
        for name in CommonSchemas.initializerNames { #expect(schema.contains("\"\(name)\"")) }
        #expect(schema.contains("\"additionalProperties\":false"))
    }

    @Test func defaultExperimentsAreValid() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../Experiments"
        ).standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }
        #expect(files.count >= 2)
        for file in files { _ = try SpecLoader.load(path: directory.appendingPathComponent(file).path) }
    }
}
