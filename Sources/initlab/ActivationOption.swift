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

/// Non-negative finite numbers for variances and standard deviations.
///
/// The options that take one parse their value unconditionally, so `--sigma-w2 -1` reaches this
/// check (and its reason) instead of argument-parser reading `-1` as an option.
struct Variance {
    let value: Double

    /// The reason a value is refused, in argument-parser's error message.
    struct Refusal: Error, CustomStringConvertible {
        let description: String
    }

    /// A parser for an option whose values are a `quantity` ("variance", "standard deviation").
    static func parser(_ quantity: String) -> @Sendable (String) throws -> Variance {
        { text in
            guard let value = Double(text), value.isFinite else {
                throw Refusal(description: "expected a finite number (a \(quantity)), found \"\(text)\"")
            }
            guard value >= 0 else {
                throw Refusal(description: "a \(quantity) cannot be negative, found \(text)")
            }
            return Variance(value: value)
        }
    }
}
