import JSON
import Network

/// A fully resolved MLP description: hidden widths, activation and initialization.
public struct NetworkSpec: Sendable {
    /// Units of each hidden layer, first to last.
    public let widths: [Int]
    public let activation: Activation
    public let initializer: InitializerChoice
    /// The bias rule, or `nil` for layers without bias.
    public let bias: Initializer?
    /// Batch normalization after each hidden affine map (training experiments).
    public let batchNormalization: Bool

    public var depth: Int { widths.count }

    /// Reads `network`, applying a variant's overrides when given.
    static func read(_ network: SpecReader, overrides variant: SpecReader? = nil) throws(SpecError) -> NetworkSpec {
        func pick(_ key: String) -> SpecReader? { variant?[key] ?? network[key] }
        let activation = Activation(reading: pick("activation")!)
        let widths = try readWidths(network: network, variant: variant)
        let initializer = try InitializerChoice.resolve(pick("initializer")!, activation: activation)
        var bias: Initializer?
        if pick("bias")!.bool {
            if let biasReader = pick("bias_initializer") {
                bias = try InitializerChoice.resolveBias(biasReader, activation: activation)
            } else {
                bias = initializer.defaultBias
            }
        }
        return NetworkSpec(
            widths: widths, activation: activation, initializer: initializer, bias: bias,
            batchNormalization: pick("batch_norm")?.bool ?? false)
    }

    /// depth x width, or widths; a variant's shape keys replace the network's as a whole.
    private static func readWidths(network: SpecReader, variant: SpecReader?) throws(SpecError) -> [Int] {
        let shapeKeys = ["depth", "width", "widths"]
        let source = variant.flatMap { reader in shapeKeys.contains(where: reader.has) ? reader : nil } ?? network
        if let widths = source["widths"] {
            if source.has("depth") || source.has("width") {
                throw widths.error("give either \"widths\" or \"depth\" and \"width\", not both")
            }
            return widths.elements.map(\.int)
        }
        // A variant may override only one of depth / width; the other comes from the network.
        let depth = source["depth"] ?? network["depth"]
        let width = source["width"] ?? network["width"]
        guard let depth, let width else {
            throw source.error("expected \"depth\" and \"width\", or \"widths\"")
        }
        return Array(repeating: width.int, count: depth.int)
    }
}
