import JSON
import Network

/// A weight initializer as the spec named it, resolved for one network's activation.
public struct InitializerChoice: Sendable {
    /// The spec name, e.g. "he-normal".
    public let name: String
    /// The resolved spec object (name, parameters, defaults), as shown in reports.
    public let parameters: JSONValue
    /// The numeric rule for weights.
    public let weight: Initializer
    /// The bias rule this initializer's framework uses when none is given.
    public let defaultBias: Initializer
    /// The data-dependent LSUV pass applied after `weight`, if requested.
    public let lsuv: LSUV?

    /// Resolves a spec initializer (gain "auto" needs the layer's activation).
    static func resolve(_ reader: SpecReader, activation: Activation) throws(SpecError) -> InitializerChoice {
        let name = reader.member("name").string
        let zeros = Initializer.constant(0)
        func choice(_ weight: Initializer, bias: Initializer = zeros, lsuv: LSUV? = nil) -> InitializerChoice {
            InitializerChoice(name: name, parameters: reader.value, weight: weight, defaultBias: bias, lsuv: lsuv)
        }
        func gain() throws(SpecError) -> Double { try Self.gain(reader.member("gain"), activation: activation) }
        func normalKind(_ truncatedKey: String = "truncated") -> ScalingDistribution {
            reader.member(truncatedKey).bool ? .truncatedNormal : .untruncatedNormal
        }
        func mode() -> FanMode { reader.member("mode").named(FanMode.self) }

        switch name {
        case "normal":
            return choice(.normal(mean: reader.member("mean").double, std: reader.member("std").double))
        case "uniform":
            let low = reader.member("low").double
            let high = reader.member("high").double
            guard low < high else { throw reader.member("high").error("expected high > low (\(low)), found \(high)") }
            return choice(.uniform(low: low, high: high))
        case "truncated-normal":
            return choice(
                .truncatedNormal(
                    mean: reader.member("mean").double, std: reader.member("std").double,
                    bound: reader.member("bound").double))
        case "zeros": return choice(.constant(0))
        case "ones": return choice(.constant(1))
        case "constant": return choice(.constant(reader.member("value").double))
        case "identity": return choice(.identity(gain: try gain()))
        case "dirac", "delta-orthogonal":
            throw reader.member("name").error(
                "\"\(name)\" is defined for convolution kernels only; InitLab's networks are dense (use \"identity\" or \"orthogonal\")"
            )
        case "glorot-uniform":
            let g = try gain()
            return choice(.varianceScaling(scale: g * g, mode: .fanAverage, distribution: .uniform))
        case "glorot-normal":
            let g = try gain()
            return choice(.varianceScaling(scale: g * g, mode: .fanAverage, distribution: normalKind()))
        case "he-uniform":
            let g = try gain()
            return choice(.varianceScaling(scale: g * g, mode: mode(), distribution: .uniform))
        case "he-normal":
            let g = try gain()
            return choice(.varianceScaling(scale: g * g, mode: mode(), distribution: normalKind()))
        case "lecun-uniform":
            return choice(.varianceScaling(scale: 1, mode: .fanIn, distribution: .uniform))
        case "lecun-normal":
            return choice(.varianceScaling(scale: 1, mode: .fanIn, distribution: normalKind()))
        case "variance-scaling":
            return choice(
                .varianceScaling(
                    scale: reader.member("scale").double, mode: mode(),
                    distribution: reader.member("distribution").named(ScalingDistribution.self)))
        case "orthogonal":
            return choice(.orthogonal(gain: try gain()))
        case "sparse":
            let std = reader.member("std").double
            switch (reader["zero_fraction"], reader["nonzero_incoming"]) {
            case (let fraction?, nil): return choice(.sparse(std: std, layout: .zeroFractionPerInput(fraction.double)))
            case (nil, let count?): return choice(.sparse(std: std, layout: .nonZeroIncomingPerOutput(count.int)))
            default:
                throw reader.error(
                    "expected exactly one of \"zero_fraction\" (PyTorch semantics) or \"nonzero_incoming\" (Martens semantics)"
                )
            }
        case "torch-default":
            let rule = Initializer.varianceScaling(scale: 1.0 / 3, mode: .fanIn, distribution: .uniform)
            return choice(rule, bias: rule)
        case "keras-default", "lasagne-default":
            return choice(.varianceScaling(scale: 1, mode: .fanAverage, distribution: .uniform))
        case "flax-default":
            return choice(.varianceScaling(scale: 1, mode: .fanIn, distribution: .truncatedNormal))
        case "lsuv":
            let base = try resolve(reader.member("base"), activation: activation)
            let procedure = LSUV(
                tolerance: reader.member("tolerance").double, maxIterations: reader.member("max_iterations").int,
                measurement: reader.member("measure").named(LSUV.Measurement.self))
            return choice(base.weight, bias: base.defaultBias, lsuv: procedure)
        default:
            preconditionFailure("schema admitted unknown initializer \(name)")
        }
    }

    /// Initializers whose scale comes from a weight matrix's fans: a bias vector has none.
    static let fanScaledNames: Set<String> = [
        "glorot-uniform", "glorot-normal", "he-uniform", "he-normal", "lecun-uniform", "lecun-normal",
        "variance-scaling",
    ]

    /// A framework default names that framework's bias rule when used as a bias initializer.
    static let frameworkDefaultNames: Set<String> = [
        "torch-default", "keras-default", "flax-default", "lasagne-default",
    ]

    /// A bias initializer: a rule that fills a vector by itself (zeros, ones, constant, normal,
    /// uniform, truncated-normal) or a framework default, which means that framework's bias
    /// (torch-default: U(+-1/sqrt(fan_in)) with the layer's fan_in; the others: zeros).
    ///
    /// Fan-scaled rules are refused, as PyTorch and Flax do: a vector has no fan_in and fan_out,
    /// and Keras's answer (the bias length as both fans) is rarely what was meant.
    static func resolveBias(_ reader: SpecReader, activation: Activation) throws(SpecError) -> Initializer {
        let choice = try resolve(reader, activation: activation)
        let alternatives =
            "use zeros, ones, constant, normal, uniform, truncated-normal, or torch-default for PyTorch's U(+-1/sqrt(fan_in)) bias"
        if fanScaledNames.contains(choice.name) {
            throw reader.member("name").error(
                "\"\(choice.name)\" scales by a weight matrix's fans, which a bias vector does not have (PyTorch and Flax refuse it too; Keras would use the bias length as both fans): \(alternatives)"
            )
        }
        if frameworkDefaultNames.contains(choice.name) { return choice.defaultBias }
        guard choice.lsuv == nil, choice.weight.canInitializeBias else {
            throw reader.member("name").error("\"\(choice.name)\" cannot initialize a bias vector: \(alternatives)")
        }
        return choice.weight
    }

    /// A named or numeric gain.
    static func gain(_ reader: SpecReader, activation: Activation) throws(SpecError) -> Double {
        guard reader.isString else { return reader.double }
        switch reader.string {
        case "auto":
            guard let gain = Gain.recommended(for: activation) else {
                throw reader.error("no standard gain for \(activation.label); give a number")
            }
            return gain
        case "linear", "identity", "sigmoid": return 1
        case "tanh": return 5.0 / 3
        case "relu": return 2.0.squareRoot()
        case "leaky_relu": return Gain.recommended(for: .leakyReLU(slope: 0.01))!
        case "selu": return 0.75
        case let name: preconditionFailure("schema admitted unknown gain \(name)")
        }
    }

    /// A one-line human description: "he-normal (gain 1.414, fan_in)".
    public var summary: String {
        guard case .object(let object) = parameters else { return name }
        let details = object.members.filter { $0.key != "name" && $0.key != "base" }.map { member in
            "\(member.key) \(JSONWriter.compact(member.value).replacingQuotes())"
        }
        let base = object["base"].flatMap { value -> String? in
            if case .object(let inner) = value, case .string(let baseName)? = inner["name"] {
                return "base \(baseName)"
            }
            return nil
        }
        let all = (base.map { [$0] } ?? []) + details
        return all.isEmpty ? name : "\(name) (\(all.joined(separator: ", ")))"
    }
}

extension String {
    func replacingQuotes() -> String { filter { $0 != "\"" } }
}
