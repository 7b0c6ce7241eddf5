import ArgumentParser
import Network

/// An activation named on the command line: "tanh", "leaky-relu:0.2", "elu:1".
struct ActivationOption: ExpressibleByArgument {
    let activation: Activation

    init?(argument: String) {
        let parts = argument.split(separator: ":", maxSplits: 1).map(String.init)
        let parameter = parts.count > 1 ? Double(parts[1]) : nil
        if parts.count > 1 && parameter == nil { return nil }
        switch parts[0] {
        case "identity": activation = .identity
        case "sigmoid": activation = .sigmoid
        case "tanh": activation = .tanh
        case "relu": activation = .relu
        case "leaky-relu": activation = .leakyReLU(slope: parameter ?? 0.01)
        case "elu": activation = .elu(alpha: parameter ?? 1)
        case "selu": activation = .selu
        case "gelu": activation = .gelu
        case "swish": activation = .swish
        case "softsign": activation = .softsign
        case "softplus": activation = .softplus
        case "erf": activation = .erf
        default: return nil
        }
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
