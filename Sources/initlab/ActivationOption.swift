import ArgumentParser
import Network

/// An activation named on the command line: "tanh", "leaky-relu:0.2", "elu:1".
struct ActivationOption: ExpressibleByArgument {
    let activation: Activation

    init?(argument: String) {
        let parts = argument.split(separator: ":", maxSplits: 1).map(String.init)
        let parameter = parts.count > 1 ? Double(parts[1]) : nil
        if parts.count > 1 && parameter == nil { return nil }
        guard let activation = Activation(name: parts[0], parameter: parameter) else { return nil }
        self.activation = activation
    }

    static var allValueStrings: [String] { Activation.names }

    static var defaultCompletionKind: CompletionKind { .list(Activation.names) }
}

/// Non-negative finite numbers for variances.
struct Variance: ExpressibleByArgument {
    let value: Double

    init?(argument: String) {
        guard let value = Double(argument), value.isFinite, value >= 0 else { return nil }
        self.value = value
    }
}
