import LinearAlgebra
import Randomness

/// A weight (or bias) initialization rule, with every parameter explicit.
///
/// Named schemes (Glorot, He, LeCun, framework defaults) are variance scaling with a given scale,
/// fan mode and distribution; the spec layer resolves names to these cases and keeps the name
/// for reports. See `../shared/reference/initializers.md` for the formulas and sources.
public enum Initializer: Hashable, Sendable {
    /// U(low, high).
    case uniform(low: Double, high: Double)
    /// N(mean, std^2), untruncated.
    case normal(mean: Double, std: Double)
    /// A normal cut at +-`bound` pre-truncation standard deviations and rescaled so that the
    /// standard deviation AFTER truncation is `std` (bound 2: cut at +-2.2737 std).
    case truncatedNormal(mean: Double, std: Double, bound: Double)
    /// Every entry equal to `value` (zeros, ones).
    case constant(Double)
    /// `gain` on the main diagonal of the (outputs, inputs) matrix, 0 elsewhere (PyTorch `eye_`).
    case identity(gain: Double)
    /// PyTorch `dirac_`: the identity on the centre tap (index k/2) of a convolution kernel.
    case dirac(groups: Int)
    /// std = sqrt(scale / n), n chosen by `mode`; uniform limit sqrt(3 scale / n).
    case varianceScaling(scale: Double, mode: FanMode, distribution: ScalingDistribution)
    /// gain * a Haar-random matrix with orthonormal rows (outputs <= inputs * kernel) or columns.
    case orthogonal(gain: Double)
    /// Xiao et al. 2018: zeros except the centre tap (index (k-1)/2, JAX), which holds
    /// gain * an orthogonal (outputs x inputs) matrix; needs outputs >= inputs.
    case deltaOrthogonal(gain: Double)
    /// Sparse N(0, std^2) weights; see `SparseLayout` for the two published meanings.
    case sparse(std: Double, layout: SparseLayout)

    /// The two incompatible meanings of "sparse" initialization.
    public enum SparseLayout: Hashable, Sendable {
        /// PyTorch `sparse_(sparsity)`: in each input column of the (outputs, inputs) matrix,
        /// `ceil(fraction * outputs)` entries are zero.
        case zeroFractionPerInput(Double)
        /// Martens 2010 / Lasagne: each output unit has exactly `count` non-zero incoming weights.
        case nonZeroIncomingPerOutput(Int)
    }

    /// Why a rule cannot fill a shape.
    public struct UnsupportedShape: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// The values for `shape`, in (outputs, inputs, kernel...) row-major order, drawn from `stream`.
    public func sample(_ shape: WeightShape, stream: inout RandomStream) throws(UnsupportedShape) -> [Double] {
        let count = shape.count
        switch self {
        case .uniform(let low, let high):
            return (0..<count).map { _ in stream.nextUniform(low: low, high: high) }
        case .normal(let mean, let std):
            return (0..<count).map { _ in stream.nextNormal(mean: mean, standardDeviation: std) }
        case .truncatedNormal(let mean, let std, let bound):
            return (0..<count).map { _ in
                mean + stream.nextTruncatedNormal(standardDeviationAfterTruncation: std, bound: bound)
            }
        case .constant(let value):
            return [Double](repeating: value, count: count)
        case .identity(let gain):
            guard shape.isDense else {
                throw UnsupportedShape(description: "identity needs a dense (2-D) weight; use dirac for kernels")
            }
            return (0..<count).map { index in index / shape.inputs == index % shape.inputs ? gain : 0 }
        case .dirac(let groups):
            return try Self.dirac(shape, groups: groups)
        case .varianceScaling(let scale, let mode, let distribution):
            let variance = scale / mode.fan(of: shape)
            return Self.scaled(count: count, variance: variance, distribution: distribution, stream: &stream)
        case .orthogonal(let gain):
            let rows = shape.outputs
            let columns = shape.inputs * shape.receptiveField
            return OrthogonalSampler.sample(rows: rows, columns: columns, stream: &stream).elements.map { $0 * gain }
        case .deltaOrthogonal(let gain):
            return try Self.deltaOrthogonal(shape, gain: gain, stream: &stream)
        case .sparse(let std, let layout):
            return try Self.sparse(shape, std: std, layout: layout, stream: &stream)
        }
    }

    /// Fills a dense layer's weight and returns it stored inputs x outputs, as `X * W` wants.
    public func denseWeight(inputs: Int, outputs: Int, stream: inout RandomStream) throws(UnsupportedShape) -> Matrix<
        Float
    > {
        let values = try sample(WeightShape(inputs: inputs, outputs: outputs), stream: &stream)
        return Matrix(rows: inputs, columns: outputs) { input, output in Float(values[output * inputs + input]) }
    }

    /// The standard deviation of one entry implied by the rule (for reports and tests), when it
    /// has one closed form.
    public func entryStandardDeviation(for shape: WeightShape) -> Double? {
        switch self {
        case .uniform(let low, let high): return (high - low) / 12.0.squareRoot()
        case .normal(_, let std), .truncatedNormal(_, let std, _): return std
        case .constant: return 0
        case .varianceScaling(let scale, let mode, _): return (scale / mode.fan(of: shape)).squareRoot()
        case .orthogonal(let gain): return gain / Double(max(shape.outputs, shape.fanIn)).squareRoot()
        case .sparse(let std, .zeroFractionPerInput(let fraction)):
            let zeros = (fraction * Double(shape.outputs)).rounded(.up)
            return std * (1 - zeros / Double(shape.outputs)).squareRoot()
        case .sparse(let std, .nonZeroIncomingPerOutput(let nonZero)):
            return std * (Double(nonZero) / Double(shape.fanIn)).squareRoot()
        case .identity, .dirac, .deltaOrthogonal: return nil
        }
    }

    private static func scaled(
        count: Int, variance: Double, distribution: ScalingDistribution, stream: inout RandomStream
    ) -> [Double] {
        let std = variance.squareRoot()
        switch distribution {
        case .uniform:
            let limit = (3 * variance).squareRoot()
            return (0..<count).map { _ in stream.nextUniform(low: -limit, high: limit) }
        case .untruncatedNormal:
            return (0..<count).map { _ in std * stream.nextNormal() }
        case .truncatedNormal:
            return (0..<count).map { _ in stream.nextTruncatedNormal(standardDeviationAfterTruncation: std, bound: 2) }
        }
    }

    private static func dirac(_ shape: WeightShape, groups: Int) throws(UnsupportedShape) -> [Double] {
        guard (1...3).contains(shape.kernel.count) else {
            throw UnsupportedShape(description: "dirac needs a 3-5 dimensional convolution kernel, got \(shape)")
        }
        guard groups > 0, shape.outputs % groups == 0 else {
            throw UnsupportedShape(
                description: "dirac: \(shape.outputs) outputs are not divisible into \(groups) groups")
        }
        var values = [Double](repeating: 0, count: shape.count)
        let outputsPerGroup = shape.outputs / groups
        let centre = shape.kernel.reduce(0) { offset, size in offset * size + size / 2 }
        for group in 0..<groups {
            for d in 0..<min(outputsPerGroup, shape.inputs) {
                let output = group * outputsPerGroup + d
                values[(output * shape.inputs + d) * shape.receptiveField + centre] = 1
            }
        }
        return values
    }

    private static func deltaOrthogonal(_ shape: WeightShape, gain: Double, stream: inout RandomStream)
        throws(UnsupportedShape) -> [Double]
    {
        guard (1...3).contains(shape.kernel.count) else {
            throw UnsupportedShape(
                description: "delta-orthogonal needs a 3-5 dimensional convolution kernel, got \(shape)")
        }
        guard shape.outputs >= shape.inputs else {
            throw UnsupportedShape(description: "delta-orthogonal needs outputs >= inputs, got \(shape)")
        }
        let centre = shape.kernel.reduce(0) { offset, size in offset * size + (size - 1) / 2 }
        let orthogonal = OrthogonalSampler.sample(rows: shape.outputs, columns: shape.inputs, stream: &stream)
        var values = [Double](repeating: 0, count: shape.count)
        for output in 0..<shape.outputs {
            for input in 0..<shape.inputs {
                values[(output * shape.inputs + input) * shape.receptiveField + centre] =
                    gain * orthogonal[output, input]
            }
        }
        return values
    }

    private static func sparse(_ shape: WeightShape, std: Double, layout: SparseLayout, stream: inout RandomStream)
        throws(UnsupportedShape) -> [Double]
    {
        guard shape.isDense else {
            throw UnsupportedShape(description: "sparse needs a dense (2-D) weight, got \(shape)")
        }
        var values = (0..<shape.count).map { _ in std * stream.nextNormal() }
        switch layout {
        case .zeroFractionPerInput(let fraction):
            let zeros = Int((fraction * Double(shape.outputs)).rounded(.up))
            for input in 0..<shape.inputs {
                for output in stream.permutation(shape.outputs).prefix(zeros) {
                    values[output * shape.inputs + input] = 0
                }
            }
        case .nonZeroIncomingPerOutput(let nonZero):
            guard nonZero <= shape.inputs else {
                throw UnsupportedShape(
                    description: "sparse: \(nonZero) incoming weights per unit exceed the \(shape.inputs) inputs")
            }
            for output in 0..<shape.outputs {
                for input in stream.permutation(shape.inputs).dropFirst(nonZero) {
                    values[output * shape.inputs + input] = 0
                }
            }
        }
        return values
    }
}

extension Initializer {
    /// Whether the rule can fill a bias vector (a rule that needs a matrix structure cannot).
    public var canInitializeBias: Bool {
        switch self {
        case .uniform, .normal, .truncatedNormal, .constant, .varianceScaling: true
        case .identity, .dirac, .orthogonal, .deltaOrthogonal, .sparse: false
        }
    }

    /// A bias vector for a layer of the given shape: one value per output; variance-scaling rules
    /// use the layer's fans (PyTorch's U(+-1/sqrt(fan_in)) bias is variance scaling 1/3, fan_in).
    public func sampleBias(for layer: WeightShape, stream: inout RandomStream) -> [Double] {
        switch self {
        case .varianceScaling(let scale, let mode, let distribution):
            return Self.scaled(
                count: layer.outputs, variance: scale / mode.fan(of: layer), distribution: distribution, stream: &stream
            )
        case .uniform, .normal, .truncatedNormal, .constant:
            // A 1 x outputs shape draws exactly `outputs` values with the same rule.
            return (try? sample(WeightShape(inputs: 1, outputs: layer.outputs), stream: &stream)) ?? []
        case .identity, .dirac, .orthogonal, .deltaOrthogonal, .sparse:
            preconditionFailure("\(self) cannot initialize a bias")
        }
    }
}
