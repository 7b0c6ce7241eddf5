/// The shape of a weight tensor, from which both fans are resolved explicitly.
///
/// Samplers lay values out as (outputs, inputs, kernel...) in row-major order, the PyTorch
/// convention: the first index is the output unit. A dense layer has an empty kernel.
/// `fanIn = inputs * receptiveField`, `fanOut = outputs * receptiveField`, with no group or
/// transposition tricks: callers say which side is which, so the fans cannot come out swapped.
public struct WeightShape: Hashable, Sendable, CustomStringConvertible {
    public let inputs: Int
    public let outputs: Int
    /// Spatial kernel size, e.g. [3, 3]; empty for a dense layer.
    public let kernel: [Int]

    public init(inputs: Int, outputs: Int, kernel: [Int] = []) {
        precondition(inputs > 0 && outputs > 0 && kernel.allSatisfy { $0 > 0 }, "weight dimensions must be positive")
        self.inputs = inputs
        self.outputs = outputs
        self.kernel = kernel
    }

    /// The product of the kernel dimensions (1 for a dense layer).
    public var receptiveField: Int { kernel.reduce(1, *) }
    public var fanIn: Int { inputs * receptiveField }
    public var fanOut: Int { outputs * receptiveField }
    public var count: Int { outputs * inputs * receptiveField }
    public var isDense: Bool { kernel.isEmpty }

    public var description: String {
        ([outputs, inputs] + kernel).map(String.init).joined(separator: "x")
    }
}
