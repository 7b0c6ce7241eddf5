/// What PyTorch, Keras and Flax users type, mapped to InitLab's spelling, for error messages.
///
/// Names are compared after `normalized` (lower case, no '_' or '-'), so `kaiming_normal_`,
/// `HeNormal` and `he_normal` all lead to "he-normal"; keys map to InitLab's key when the
/// object has one, else to a note on how InitLab says it.
enum FrameworkNames {
    /// Lower case without '_' and '-': "kaiming_normal_" -> "kaimingnormal".
    static func normalized(_ name: String) -> String {
        name.lowercased().filter { $0 != "_" && $0 != "-" }
    }

    /// Framework names (normalized) that differ from InitLab's beyond spelling.
    static let names: [String: String] = [
        // torch.nn.init
        "kaimingnormal": "he-normal", "kaiminguniform": "he-uniform",
        "xaviernormal": "glorot-normal", "xavieruniform": "glorot-uniform",
        "truncnormal": "truncated-normal", "eye": "identity", "zero": "zeros", "one": "ones",
        // Keras and Flax (jax.nn.initializers)
        "randomnormal": "normal", "randomuniform": "uniform", "glorot": "glorot-uniform",
        "deltaorthogonal": "delta-orthogonal", "heuniform": "he-uniform", "henormal": "he-normal",
        // Activations
        "silu": "swish", "linear": "identity", "leakyrelu": "leaky-relu", "logistic": "sigmoid",
    ]

    /// The InitLab name among `candidates` that `name` means, if any.
    static func name(for name: String, among candidates: [String]) -> String? {
        let key = normalized(name)
        if let match = candidates.first(where: { normalized($0) == key }) { return match }
        if let target = names[key], candidates.contains(target) { return target }
        return nil
    }

    /// A framework key: InitLab's keys for it (the first one the object allows is meant), or a
    /// note when InitLab has no such key, given only in objects that allow one of `noteContext`
    /// (an initializer taking a gain, say), or anywhere when it is empty.
    struct Key {
        let targets: [String]
        let note: String?
        var noteContext: [String] = []
    }

    static let keys: [String: Key] = [
        "stddev": Key(targets: ["std"], note: nil),
        "sigma": Key(targets: ["std"], note: nil),
        "scale": Key(targets: ["std"], note: nil),
        "loc": Key(targets: ["mean"], note: nil),
        "minval": Key(targets: ["low"], note: nil),
        "maxval": Key(targets: ["high"], note: nil),
        // torch uniform_(a, b) bounds; kaiming_*(a) is the leaky ReLU slope.
        "a": Key(
            targets: ["low"],
            note:
                "PyTorch's negative slope \"a\" is given as \"gain\": \"leaky_relu\" (slope 0.01) or the number sqrt(2 / (1 + a^2))",
            noteContext: ["gain"]),
        "b": Key(targets: ["high"], note: nil),
        "val": Key(targets: ["value"], note: nil),
        "fill_value": Key(targets: ["value"], note: nil),
        "negative_slope": Key(targets: ["slope"], note: nil),
        "nonlinearity": Key(
            targets: [],
            note:
                "PyTorch's nonlinearity is given as \"gain\": a name such as \"relu\", or \"auto\" for the layer's activation",
            noteContext: ["gain"]),
        "sparsity": Key(targets: ["zero_fraction"], note: nil),
        "mode": Key(
            targets: [],
            note: "this initializer's fan is fixed; \"variance-scaling\", \"he-normal\" and \"he-uniform\" take a mode",
            noteContext: ["gain", "truncated"]),
        "truncate": Key(targets: ["truncated"], note: nil),
        "seed": Key(
            targets: [],
            note: "every random draw comes from the experiment's \"seed\" (one stream per named component)"),
        "dtype": Key(targets: [], note: "InitLab computes in 32-bit floats"),
    ]

    /// "InitLab calls it "std"" or a note, for an unknown `key` of an object allowing `allowed`.
    static func explanation(forKey key: String, allowed: [String]) -> String? {
        guard let entry = keys[key] else { return nil }
        if let target = entry.targets.first(where: { allowed.contains($0) }) { return "InitLab calls it \"\(target)\"" }
        guard entry.noteContext.isEmpty || entry.noteContext.contains(where: allowed.contains) else { return nil }
        return entry.note
    }
}
