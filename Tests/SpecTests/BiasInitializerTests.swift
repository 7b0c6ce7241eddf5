import JSON
import Network
import Spec
import Testing

/// What a bias initializer means (README, "Initializers"): vector rules and framework defaults;
/// fan-scaled rules are refused, as in PyTorch and Flax.
@Suite struct BiasInitializerTests {
    static func spec(bias: String) -> String {
        SpecLoaderTests.replacing(
            "\"initializer\": \"he-normal\"",
            with: "\"initializer\": \"he-normal\", \"bias\": true, \"bias_initializer\": \(bias)")
    }

    /// These used the layer's fans, which neither PyTorch nor Flax allows and Keras does not do.
    @Test(arguments: [
        "\"he-normal\"", "\"glorot-uniform\"", "\"lecun-normal\"",
        #"{"name": "variance-scaling", "distribution": "uniform"}"#,
    ])
    func fanScaledRulesAreRefused(bias: String) throws {
        let message = try #require(SpecLoaderTests.problem(Self.spec(bias: bias)))
        #expect(message.hasPrefix("demo.json: /network/bias_initializer"), "\(message)")
        #expect(message.contains("which a bias vector does not have (PyTorch and Flax refuse it too"), "\(message)")
        #expect(message.contains("torch-default for PyTorch's U(+-1/sqrt(fan_in)) bias"), "\(message)")
    }

    @Test(arguments: [
        ("\"torch-default\"", Initializer.varianceScaling(scale: 1.0 / 3, mode: .fanIn, distribution: .uniform)),
        ("\"keras-default\"", .constant(0)), ("\"flax-default\"", .constant(0)), ("\"lasagne-default\"", .constant(0)),
        (#"{"name": "normal", "std": 0.1}"#, .normal(mean: 0, std: 0.1)), ("\"ones\"", .constant(1)),
    ])
    func vectorRulesAndFrameworkDefaults(bias: String, expected: Initializer) throws {
        let network = try SpecLoaderTests.firstNetwork(Self.spec(bias: bias))
        #expect(network.bias == expected)
    }

    /// The schema text of `bias` said "zeros unless bias_initializer says otherwise", but
    /// torch-default gives PyTorch's U(+-1/sqrt(fan_in)) bias.
    @Test func theSchemaSaysWhatTheBiasIs() throws {
        let text = JSONWriter.compact(SpecSchema.jsonSchemaDocument)
        #expect(!text.contains("zeros unless bias_initializer says otherwise"))
        #expect(text.contains("U(+-1/sqrt(fan_in)) for torch-default"))
        #expect(text.contains("Fan-scaled rules (glorot, he, lecun, variance-scaling) are refused"))
    }
}
