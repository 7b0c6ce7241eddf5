import Spec
import Testing

/// Messages a PyTorch, Keras or Flax user meets: their spelling is recognised and mapped to
/// InitLab's, and lists of valid names are never cut short.
@Suite struct SpecMessageTests {
    static func problem(initializer: String) -> String? {
        let spec = SpecLoaderTests.minimal.replacingOccurrences(
            of: #""initializer": "he-normal""#, with: #""initializer": \#(initializer)"#)
        precondition(spec != SpecLoaderTests.minimal, "fixture lacks the initializer")
        return SpecLoaderTests.problem(spec)
    }

    @Test(arguments: [
        ("kaiming_normal", "he-normal"), ("kaiming_normal_", "he-normal"), ("kaiming_uniform_", "he-uniform"),
        ("xavier_uniform", "glorot-uniform"), ("xavier_normal_", "glorot-normal"),
        ("trunc_normal_", "truncated-normal"),
        ("orthogonal_", "orthogonal"), ("HeNormal", "he-normal"), ("GlorotUniform", "glorot-uniform"),
        ("lecun_normal", "lecun-normal"), ("variance_scaling", "variance-scaling"), ("eye_", "identity"),
    ])
    func frameworkInitializerNamesGetADidYouMean(name: String, meant: String) throws {
        let message = try #require(Self.problem(initializer: "\"\(name)\""))
        #expect(message.hasPrefix("demo.json: /network/initializer"), "\(message)")
        #expect(message.hasSuffix("found \"\(name)\"; did you mean \"\(meant)\"?"), "\(message)")
    }

    @Test func theListOfNamesIsComplete() throws {
        let message = try #require(Self.problem(initializer: #""he_norma""#))
        #expect(!message.contains("..."), "\(message)")
        for name in CommonSchemas.initializerNames {
            #expect(message.contains("\"\(name)\""), "\(name) missing from \(message)")
        }
    }

    @Test(arguments: [
        (#"{"name": "normal", "stddev": 0.1}"#, "stddev", #"InitLab calls it "std""#),
        (#"{"name": "uniform", "a": -1, "b": 1}"#, "a", #"InitLab calls it "low""#),
        (#"{"name": "sparse", "sparsity": 0.9}"#, "sparsity", #"InitLab calls it "zero_fraction""#),
        (#"{"name": "he-normal", "a": 0.1}"#, "a", #""gain": "leaky_relu" (slope 0.01)"#),
        (#"{"name": "he-normal", "nonlinearity": "relu"}"#, "nonlinearity", #"given as "gain""#),
        (
            #"{"name": "glorot-normal", "mode": "fan_in"}"#, "mode",
            #""variance-scaling", "he-normal" and "he-uniform" take a mode"#
        ),
    ])
    func frameworkKeysAreMappedToInitLabs(initializer: String, key: String, explanation: String) throws {
        let message = try #require(Self.problem(initializer: initializer))
        #expect(message.hasPrefix("demo.json: /network/initializer/\(key)"), "\(message)")
        #expect(message.contains("unknown key \"\(key)\"; ") && message.contains(explanation), "\(message)")
        #expect(!message.contains("did you mean"), "\(message)")
    }

    @Test func aPlainTypoStillGetsItsSuggestion() throws {
        let message = try #require(Self.problem(initializer: #"{"name": "normal", "sdt": 0.1}"#))
        #expect(message.contains("unknown key \"sdt\" (allowed: name, mean, std)"), "\(message)")
        #expect(message.contains("(allowed: name, mean, std); did you mean \"std\"?\n"), "\(message)")
    }

    /// Notes about initializer keys are not given where they would mislead.
    @Test func initializerNotesStayInInitializers() throws {
        let spec = SpecLoaderTests.replacing(#""count": 10"#, with: #""count": 10, "mode": "fan_in""#)
        let message = try #require(SpecLoaderTests.problem(spec))
        #expect(message.contains("unknown key \"mode\" (allowed:"), "\(message)")
    }
}
