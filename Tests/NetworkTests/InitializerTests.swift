import LinearAlgebra
import Network
import Randomness
import Testing

/// Initializers against the closed forms and the worked numbers of initializers.md
/// (a dense layer with fan_in 784, fan_out 100), at about 2.4 × 10^5 samples, within 2%.
@Suite struct InitializerTests {
    static let layer = WeightShape(inputs: 784, outputs: 100)

    /// About 2.4 × 10^5 draws: 3 independent 784 -> 100 layers. The sample std then has a
    /// relative standard error near 0.1%, a twentieth of the 2% tolerance (10^6 draws bought
    /// nothing more and cost 18 s of a debug build), and the largest |w| of a bounded
    /// distribution still comes within 2% of its bound in hundreds of draws.
    static func draws(_ initializer: Initializer, shape: WeightShape = layer, layers: Int = 3) throws -> [Double] {
        var values: [Double] = []
        for copy in 0..<layers {
            var stream = RandomStream(seed: 99, path: "test/\(initializer)/\(copy)")
            values += try initializer.sample(shape, stream: &stream)
        }
        return values
    }

    static func std(_ values: [Double]) -> Double {
        let mean = values.reduce(0, +) / Double(values.count)
        return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
    }

    static func close(_ value: Double, _ expected: Double, within tolerance: Double = 0.02) -> Bool {
        abs(value / expected - 1) < tolerance
    }

    @Test(
        arguments: [
            // (initializer, expected entry std, expected uniform bound or nil)
            (
                Initializer.varianceScaling(scale: 1, mode: .fanAverage, distribution: .uniform),
                0.0823853 / 3.0.squareRoot(), 0.0823853
            ),
            (
                .varianceScaling(scale: 2, mode: .fanAverage, distribution: .uniform), 0.1165103 / 3.0.squareRoot(),
                0.1165103
            ),
            (.varianceScaling(scale: 1, mode: .fanAverage, distribution: .untruncatedNormal), 0.0475651, nil),
            (.varianceScaling(scale: 2, mode: .fanIn, distribution: .uniform), 0.0874818 / 3.0.squareRoot(), 0.0874818),
            (.varianceScaling(scale: 2, mode: .fanIn, distribution: .untruncatedNormal), 0.0505076, nil),
            (.varianceScaling(scale: 2, mode: .fanOut, distribution: .untruncatedNormal), 0.1414214, nil),
            (.varianceScaling(scale: 2, mode: .fanIn, distribution: .truncatedNormal), 0.0505076, 0.1148389),
            (.varianceScaling(scale: 1, mode: .fanIn, distribution: .uniform), 0.0618590 / 3.0.squareRoot(), 0.0618590),
            (.varianceScaling(scale: 1, mode: .fanIn, distribution: .untruncatedNormal), 0.0357143, nil),
            (.varianceScaling(scale: 1, mode: .fanIn, distribution: .truncatedNormal), 0.0357143, 2 * 0.0406017),
            (
                .varianceScaling(scale: 1, mode: .fanGeometricAverage, distribution: .untruncatedNormal),
                1 / 280.0.squareRoot(), nil
            ),
            // torch-default: kaiming_uniform_(a = sqrt 5) = U(+-1/sqrt(fan_in)).
            (
                .varianceScaling(scale: 1.0 / 3, mode: .fanIn, distribution: .uniform), 0.0357143 / 3.0.squareRoot(),
                0.0357143
            ),
            (.normal(mean: 0, std: 0.01), 0.01, nil),
            (.uniform(low: -0.05, high: 0.05), 0.05 / 3.0.squareRoot(), 0.05),
            (.truncatedNormal(mean: 0, std: 0.02, bound: 2), 0.02, 2 * 0.02 / 0.87962566103423978),
            (.orthogonal(gain: 1), 0.0357143, nil),
            (.orthogonal(gain: 2.0.squareRoot()), 0.0505076, nil),
        ] as [(Initializer, Double, Double?)])
    func sampleStandardDeviationAndBoundsMatchTheFormulas(initializer: Initializer, std: Double, bound: Double?) throws
    {
        #expect(Self.close(initializer.entryStandardDeviation(for: Self.layer)!, std, within: 1e-5))
        let values = try Self.draws(initializer)
        #expect(Self.close(Self.std(values), std), "sample std \(Self.std(values)) vs \(std)")
        if let bound {
            let largest = values.map(abs).max()!
            #expect(largest < bound && largest > 0.98 * bound, "largest |w| \(largest) vs bound \(bound)")
        }
    }

    @Test func orthogonalRowsAreOrthonormalForAContractingLayer() throws {
        var stream = RandomStream(seed: 5, path: "orthogonal")
        let values = try Initializer.orthogonal(gain: 1).sample(Self.layer, stream: &stream)
        let w = Matrix<Double>(rows: 100, columns: 784, elements: values)
        let product = w.multiplied(by: w.transposed)
        var worst = 0.0
        for i in 0..<100 { for j in 0..<100 { worst = max(worst, abs(product[i, j] - (i == j ? 1 : 0))) } }
        #expect(worst < 1e-5)
    }

    @Test func orthogonalColumnsAreOrthonormalForAnExpandingLayer() throws {
        var stream = RandomStream(seed: 6, path: "orthogonal")
        let values = try Initializer.orthogonal(gain: 1).sample(WeightShape(inputs: 100, outputs: 784), stream: &stream)
        let w = Matrix<Double>(rows: 784, columns: 100, elements: values)
        let product = w.transposed.multiplied(by: w)
        var worst = 0.0
        for i in 0..<100 { for j in 0..<100 { worst = max(worst, abs(product[i, j] - (i == j ? 1 : 0))) } }
        #expect(worst < 1e-5)
    }

    /// Without the sign fix, QR of a Gaussian matrix has a positive R diagonal by construction of
    /// the reflection and the first column of Q is biased; with it, diagonal entries of Q are
    /// symmetric around 0.
    @Test func signFixMakesDiagonalSymmetric() throws {
        var positive = 0
        for copy in 0..<400 {
            var stream = RandomStream(seed: 8, path: "haar/\(copy)")
            let values = try Initializer.orthogonal(gain: 1).sample(WeightShape(inputs: 4, outputs: 4), stream: &stream)
            if values[0] > 0 { positive += 1 }
        }
        #expect(abs(positive - 200) < 50)
    }

    @Test func identityAndDirac() throws {
        var stream = RandomStream(seed: 1, path: "x")
        let eye = try Initializer.identity(gain: 2).sample(WeightShape(inputs: 3, outputs: 2), stream: &stream)
        #expect(eye == [2, 0, 0, 0, 2, 0])
        let kernel = WeightShape(inputs: 2, outputs: 2, kernel: [3])
        #expect(
            try Initializer.dirac(groups: 1).sample(kernel, stream: &stream) == [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0])
        #expect(throws: Initializer.UnsupportedShape.self) {
            try Initializer.dirac(groups: 1).sample(WeightShape(inputs: 2, outputs: 2), stream: &stream)
        }
    }

    @Test func deltaOrthogonalFillsOnlyTheCentreTap() throws {
        var stream = RandomStream(seed: 2, path: "delta")
        let shape = WeightShape(inputs: 3, outputs: 4, kernel: [4])
        let values = try Initializer.deltaOrthogonal(gain: 1).sample(shape, stream: &stream)
        #expect(values.count == 3 * 4 * 4)
        // JAX's centre for k = 4 is (4 - 1) / 2 = 1.
        for (index, value) in values.enumerated() where index % 4 != 1 { #expect(value == 0) }
        let centre = Matrix<Double>(rows: 4, columns: 3) { o, i in values[(o * 3 + i) * 4 + 1] }
        let gram = centre.transposed.multiplied(by: centre)
        for i in 0..<3 { for j in 0..<3 { #expect(abs(gram[i, j] - (i == j ? 1 : 0)) < 1e-12) } }
    }

    @Test func sparseLayoutsFollowTheirDefinitions() throws {
        var stream = RandomStream(seed: 3, path: "sparse")
        let torch = try Initializer.sparse(std: 0.01, layout: .zeroFractionPerInput(0.1)).sample(
            Self.layer, stream: &stream)
        for input in 0..<784 {
            let nonZero = (0..<100).filter { torch[$0 * 784 + input] != 0 }.count
            #expect(nonZero == 90)
        }
        let martens = try Initializer.sparse(std: 0.01, layout: .nonZeroIncomingPerOutput(78)).sample(
            Self.layer, stream: &stream)
        for output in 0..<100 {
            #expect(martens[(output * 784)..<((output + 1) * 784)].filter { $0 != 0 }.count == 78)
        }
        let expected = Initializer.sparse(std: 0.01, layout: .zeroFractionPerInput(0.1)).entryStandardDeviation(
            for: Self.layer)!
        #expect(Self.close(expected, 0.0094868, within: 1e-4))
        #expect(Self.close(Self.std(torch), expected, within: 0.02))
    }

    @Test func denseWeightIsStoredInputsByOutputs() throws {
        var first = RandomStream(seed: 4, path: "w")
        var second = RandomStream(seed: 4, path: "w")
        let flat = try Initializer.normal(mean: 0, std: 1).sample(WeightShape(inputs: 3, outputs: 2), stream: &first)
        let matrix = try Initializer.normal(mean: 0, std: 1).denseWeight(inputs: 3, outputs: 2, stream: &second)
        #expect(matrix.rows == 3 && matrix.columns == 2)
        #expect(matrix[2, 1] == Float(flat[1 * 3 + 2]))
    }

    @Test func gainsFollowPyTorch() {
        #expect(Gain.recommended(for: .tanh) == 5.0 / 3)
        #expect(abs(Gain.recommended(for: .leakyReLU(slope: 0.2))! - 1.3867505) < 1e-7)
        #expect(abs(Gain.recommended(for: .leakyReLU(slope: 0.01))! - 1.4141429) < 1e-7)
        #expect(Gain.recommended(for: .selu) == 0.75)
        #expect(Gain.recommended(for: .gelu) == nil)
    }
}
