/// The update rules of Deep Learning from Scratch 6.1, with the usual defaults.
///
/// For a parameter w with gradient g and learning rate lr (after the schedule):
/// - SGD: w -= lr g
/// - momentum (m = 0.9): v = m v - lr g; w += v
/// - Nesterov (m = 0.9): v' = m v - lr g; w += -m v + (1 + m) v' (Sutskever et al. 2013's form)
/// - AdaGrad: h += g^2; w -= lr g / (sqrt(h) + 1e-7)
/// - RMSProp (rho = 0.99): h = rho h + (1 - rho) g^2; w -= lr g / (sqrt(h) + 1e-7)
/// - Adam (beta1 0.9, beta2 0.999, eps 1e-8; Kingma & Ba 2015): bias-corrected moments,
///   w -= lr m-hat / (sqrt(v-hat) + eps)
public enum Optimizer: Sendable, Hashable {
    case sgd
    case momentum(Double)
    case nesterov(Double)
    case adaGrad
    case rmsProp(decay: Double)
    case adam(beta1: Double, beta2: Double, epsilon: Double)

    public var name: String {
        switch self {
        case .sgd: "sgd"
        case .momentum: "momentum"
        case .nesterov: "nesterov"
        case .adaGrad: "adagrad"
        case .rmsProp: "rmsprop"
        case .adam: "adam"
        }
    }

    /// How many state arrays per parameter the rule keeps (memory estimates use it too).
    public var stateCount: Int {
        switch self {
        case .sgd: 0
        case .momentum, .nesterov, .adaGrad, .rmsProp: 1
        case .adam: 2
        }
    }
}

/// The optimizer's memory for one parameter array, and the update of that array.
struct OptimizerState<Scalar: TrainingScalar> {
    var first: [Scalar]
    var second: [Scalar]

    init(count: Int, optimizer: Optimizer) {
        first = [Scalar](repeating: 0, count: optimizer.stateCount >= 1 ? count : 0)
        second = [Scalar](repeating: 0, count: optimizer.stateCount >= 2 ? count : 0)
    }

    /// Applies one update; `step` counts from 1 (Adam's bias correction).
    mutating func update(
        _ parameter: inout [Scalar], gradient: [Scalar], optimizer: Optimizer, learningRate: Scalar, step: Int
    ) {
        let count = parameter.count
        parameter.withUnsafeMutableBufferPointer { w in
            gradient.withUnsafeBufferPointer { g in
                first.withUnsafeMutableBufferPointer { v in
                    second.withUnsafeMutableBufferPointer { s in
                        switch optimizer {
                        case .sgd:
                            for i in 0..<count { w[i] -= learningRate * g[i] }
                        case .momentum(let momentum):
                            let m = Scalar(momentum)
                            for i in 0..<count {
                                v[i] = m * v[i] - learningRate * g[i]
                                w[i] += v[i]
                            }
                        case .nesterov(let momentum):
                            let m = Scalar(momentum)
                            for i in 0..<count {
                                let previous = v[i]
                                v[i] = m * v[i] - learningRate * g[i]
                                w[i] += -m * previous + (1 + m) * v[i]
                            }
                        case .adaGrad:
                            for i in 0..<count {
                                v[i] += g[i] * g[i]
                                w[i] -= learningRate * g[i] / (Scalar.sqrt(v[i]) + 1e-7)
                            }
                        case .rmsProp(let decay):
                            let rho = Scalar(decay)
                            for i in 0..<count {
                                v[i] = rho * v[i] + (1 - rho) * g[i] * g[i]
                                w[i] -= learningRate * g[i] / (Scalar.sqrt(v[i]) + 1e-7)
                            }
                        case .adam(let beta1, let beta2, let epsilon):
                            let b1 = Scalar(beta1)
                            let b2 = Scalar(beta2)
                            let eps = Scalar(epsilon)
                            let correction1 = 1 - Scalar.pow(b1, step)
                            let correction2 = 1 - Scalar.pow(b2, step)
                            for i in 0..<count {
                                v[i] = b1 * v[i] + (1 - b1) * g[i]
                                s[i] = b2 * s[i] + (1 - b2) * g[i] * g[i]
                                w[i] -= learningRate * (v[i] / correction1) / (Scalar.sqrt(s[i] / correction2) + eps)
                            }
                        }
                    }
                }
            }
        }
    }
}
