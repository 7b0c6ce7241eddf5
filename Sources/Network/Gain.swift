/// PyTorch's `calculate_gain`: the recommended scale for an activation.
///
/// | activation | gain |
/// |---|---|
/// | identity, sigmoid | 1 |
/// | tanh | 5/3 |
/// | relu | sqrt(2) |
/// | leaky ReLU (slope s) | sqrt(2 / (1 + s^2)) |
/// | selu | 3/4 (PyTorch's empirical value; self-normalizing nets want 1, see initializers.md 7) |
///
/// Other activations have no standard gain; `nil` asks the caller to give a number.
public enum Gain {
    public static func recommended(for activation: Activation) -> Double? {
        switch activation {
        case .identity, .sigmoid: 1
        case .tanh: 5.0 / 3
        case .relu: 2.0.squareRoot()
        case .leakyReLU(let slope): (2 / (1 + slope * slope)).squareRoot()
        case .selu: 0.75
        default: nil
        }
    }
}
