import Network

/// One network of a Jacobian-spectrum experiment: an activation, Gaussian or orthogonal weights,
/// and its weight and bias variances.
public struct JacobianVariant: Sendable {
    /// Names the variant's random streams (`variant/<key>/...`).
    public let key: String
    public let label: String
    public let activation: Activation
    public let orthogonal: Bool
    /// nil: on the edge of chaos for `sigmaB2`.
    public let sigmaW2: Double?
    public let sigmaB2: Double
}
