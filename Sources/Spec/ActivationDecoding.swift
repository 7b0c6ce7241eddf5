import Network

extension Activation {
    /// The activation a resolved spec value names.
    init(reading reader: SpecReader) {
        switch reader.member("name").string {
        case "identity": self = .identity
        case "sigmoid": self = .sigmoid
        case "tanh": self = .tanh
        case "relu": self = .relu
        case "leaky-relu": self = .leakyReLU(slope: reader.member("slope").double)
        case "elu": self = .elu(alpha: reader.member("alpha").double)
        case "selu": self = .selu
        case "gelu": self = .gelu
        case "swish": self = .swish
        case "softsign": self = .softsign
        case "softplus": self = .softplus
        case "erf": self = .erf
        case let name: preconditionFailure("schema admitted unknown activation \(name)")
        }
    }
}
