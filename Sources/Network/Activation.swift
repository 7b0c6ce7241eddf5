import RealModule

/// An elementwise activation function with its first and second derivatives.
///
/// Conventions (shared with the mean-field literature): swish is x * sigmoid(x); GELU is the exact
/// x * Phi(x); SELU uses Klambauer et al.'s lambda and alpha; the derivative of a kinked function
/// at its kink is the left derivative (ReLU'(0) = 0), the second derivative there is 0.
public enum Activation: Hashable, Sendable {
    case identity
    case sigmoid
    case tanh
    case relu
    /// max(x, slope * x) for slope in [0, 1).
    case leakyReLU(slope: Double)
    /// x for x > 0, alpha (e^x - 1) otherwise.
    case elu(alpha: Double)
    /// lambda * elu_alpha(x) with the self-normalizing constants.
    case selu
    /// Exact GELU, x * Phi(x).
    case gelu
    /// x * sigmoid(x) (SiLU).
    case swish
    /// x / (1 + |x|).
    case softsign
    /// log(1 + e^x).
    case softplus
    /// The error function; its mean-field kernel has a closed form, which makes it a test oracle.
    case erf

    /// SELU's alpha, 1.6732632423543772848 (Klambauer et al. 2017).
    public static let seluAlpha = 1.6732632423543772848170429916717
    /// SELU's lambda, 1.0507009873554804934 (Klambauer et al. 2017).
    public static let seluLambda = 1.0507009873554804934193349852946

    /// The canonical spec name (`leaky-relu`, `gelu`, ...).
    public var name: String {
        switch self {
        case .identity: "identity"
        case .sigmoid: "sigmoid"
        case .tanh: "tanh"
        case .relu: "relu"
        case .leakyReLU: "leaky-relu"
        case .elu: "elu"
        case .selu: "selu"
        case .gelu: "gelu"
        case .swish: "swish"
        case .softsign: "softsign"
        case .softplus: "softplus"
        case .erf: "erf"
        }
    }

    /// A human-readable label including parameters, e.g. "leaky ReLU (slope 0.2)".
    public var label: String {
        switch self {
        case .identity: "identity"
        case .sigmoid: "sigmoid"
        case .tanh: "tanh"
        case .relu: "ReLU"
        case .leakyReLU(let slope): "leaky ReLU (slope \(slope))"
        case .elu(let alpha): alpha == 1 ? "ELU" : "ELU (alpha \(alpha))"
        case .selu: "SELU"
        case .gelu: "GELU"
        case .swish: "swish"
        case .softsign: "softsign"
        case .softplus: "softplus"
        case .erf: "erf"
        }
    }

    /// Every activation name the spec accepts.
    public static let names = [
        "identity", "sigmoid", "tanh", "relu", "leaky-relu", "elu", "selu", "gelu", "swish", "softsign", "softplus",
        "erf",
    ]

    /// The activation called `name` (one of `names`); `parameter` is leaky ReLU's slope (default
    /// 0.01) or ELU's alpha (default 1) and is ignored by the others.
    public init?(name: String, parameter: Double? = nil) {
        switch name {
        case "identity": self = .identity
        case "sigmoid": self = .sigmoid
        case "tanh": self = .tanh
        case "relu": self = .relu
        case "leaky-relu": self = .leakyReLU(slope: parameter ?? 0.01)
        case "elu": self = .elu(alpha: parameter ?? 1)
        case "selu": self = .selu
        case "gelu": self = .gelu
        case "swish": self = .swish
        case "softsign": self = .softsign
        case "softplus": self = .softplus
        case "erf": self = .erf
        default: return nil
        }
    }

    /// The open interval the output lives in, when it is bounded on both sides (sigmoid, tanh,
    /// softsign, erf); `nil` otherwise.
    public var boundedRange: (lower: Double, upper: Double)? {
        switch self {
        case .sigmoid: (0, 1)
        case .tanh, .softsign, .erf: (-1, 1)
        default: nil
        }
    }

    /// Whether the function is exactly zero on a half-line, so "fraction exactly zero" is meaningful.
    public var hasExactZeros: Bool {
        switch self {
        case .relu: true
        case .leakyReLU(let slope): slope == 0
        default: false
        }
    }

    /// Points where the function or its derivative is not smooth; quadrature splits there.
    public var kinks: [Double] {
        switch self {
        case .relu, .leakyReLU, .elu, .selu, .softsign: [0]
        default: []
        }
    }

    /// phi(x).
    @inlinable
    public func value<T: Real & BinaryFloatingPoint>(_ x: T) -> T {
        switch self {
        case .identity: return x
        case .sigmoid: return Self.logistic(x)
        case .tanh: return T.tanh(x)
        case .relu: return x > 0 ? x : 0
        case .leakyReLU(let slope): return x > 0 ? x : T(slope) * x
        case .elu(let alpha): return x > 0 ? x : T(alpha) * T.expMinusOne(x)
        case .selu: return T(Self.seluLambda) * (x > 0 ? x : T(Self.seluAlpha) * T.expMinusOne(x))
        case .gelu: return x * Self.normalCDF(x)
        case .swish: return x * Self.logistic(x)
        case .softsign: return x / (1 + abs(x))
        case .softplus: return max(x, 0) + T.log(onePlus: T.exp(-abs(x)))
        case .erf: return T.erf(x)
        }
    }

    /// phi'(x).
    @inlinable
    public func derivative<T: Real & BinaryFloatingPoint>(_ x: T) -> T {
        switch self {
        case .identity: return 1
        case .sigmoid:
            let s = Self.logistic(x)
            return s * (1 - s)
        case .tanh:
            let t = T.tanh(x)
            return 1 - t * t
        case .relu: return x > 0 ? 1 : 0
        case .leakyReLU(let slope): return x > 0 ? 1 : T(slope)
        case .elu(let alpha): return x > 0 ? 1 : T(alpha) * T.exp(x)
        case .selu: return T(Self.seluLambda) * (x > 0 ? 1 : T(Self.seluAlpha) * T.exp(x))
        case .gelu: return Self.normalCDF(x) + x * Self.normalDensity(x)
        case .swish:
            let s = Self.logistic(x)
            return s + x * s * (1 - s)
        case .softsign:
            let d = 1 + abs(x)
            return 1 / (d * d)
        case .softplus: return Self.logistic(x)
        case .erf: return 2 / T.sqrt(T.pi) * T.exp(-x * x)
        }
    }

    /// phi''(x) (0 at kinks and on linear pieces).
    @inlinable
    public func secondDerivative<T: Real & BinaryFloatingPoint>(_ x: T) -> T {
        switch self {
        case .identity, .relu, .leakyReLU: return 0
        case .sigmoid:
            let s = Self.logistic(x)
            return s * (1 - s) * (1 - 2 * s)
        case .tanh:
            let t = T.tanh(x)
            return -2 * t * (1 - t * t)
        case .elu(let alpha): return x > 0 ? 0 : T(alpha) * T.exp(x)
        case .selu: return x > 0 ? 0 : T(Self.seluLambda * Self.seluAlpha) * T.exp(x)
        case .gelu: return Self.normalDensity(x) * (2 - x * x)
        case .swish:
            let s = Self.logistic(x)
            return s * (1 - s) * (2 + x * (1 - 2 * s))
        case .softsign:
            if x == 0 { return 0 }
            let d = 1 + abs(x)
            return (x > 0 ? -2 : 2) / (d * d * d)
        case .softplus:
            let s = Self.logistic(x)
            return s * (1 - s)
        case .erf: return -4 * x / T.sqrt(T.pi) * T.exp(-x * x)
        }
    }

    /// 1 / (1 + e^-x), evaluated without overflow for either sign.
    @inlinable
    static func logistic<T: Real & BinaryFloatingPoint>(_ x: T) -> T {
        if x >= 0 {
            return 1 / (1 + T.exp(-x))
        }
        let e = T.exp(x)
        return e / (1 + e)
    }

    @inlinable
    static func normalCDF<T: Real & BinaryFloatingPoint>(_ x: T) -> T {
        T.erfc(-x / T.sqrt(2)) / 2
    }

    @inlinable
    static func normalDensity<T: Real & BinaryFloatingPoint>(_ x: T) -> T {
        T.exp(-x * x / 2) / T.sqrt(2 * T.pi)
    }
}
