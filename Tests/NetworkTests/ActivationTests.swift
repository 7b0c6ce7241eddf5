import Network
import Testing

@Suite struct ActivationTests {
    static let all: [Activation] = [
        .identity, .sigmoid, .tanh, .relu, .leakyReLU(slope: 0.2), .elu(alpha: 1), .selu, .gelu, .swish, .softsign,
        .softplus, .erf,
    ]
    static let points: [Double] = [-7.5, -3, -1.25, -0.5, -0.01, 0.013, 0.5, 1, 2.5, 8]

    @Test(arguments: all)
    func derivativeMatchesCentralDifference(activation: Activation) {
        for x in Self.points {
            let h = 1e-6
            let numeric = (activation.value(x + h) - activation.value(x - h)) / (2 * h)
            #expect(abs(activation.derivative(x) - numeric) < 1e-7 * max(1, abs(numeric)), "\(activation) at \(x)")
        }
    }

    @Test(arguments: all)
    func secondDerivativeMatchesCentralDifference(activation: Activation) {
        for x in Self.points {
            let h = 1e-5
            let numeric = (activation.derivative(x + h) - activation.derivative(x - h)) / (2 * h)
            #expect(
                abs(activation.secondDerivative(x) - numeric) < 1e-6 * max(1, abs(numeric)), "\(activation) at \(x)")
        }
    }

    @Test func knownValues() {
        #expect(Activation.sigmoid.value(0.0) == 0.5)
        #expect(abs(Activation.gelu.value(1.0) - 0.8413447460685429) < 1e-15)
        #expect(abs(Activation.swish.value(1.0) - 0.7310585786300049) < 1e-15)
        #expect(abs(Activation.selu.value(-1.0) - (-1.1113307378125625)) < 1e-15)
        #expect(abs(Activation.softplus.value(0.0) - 0.6931471805599453) < 1e-15)
        #expect(Activation.softplus.value(800.0) == 800)
        #expect(Activation.sigmoid.value(-800.0) == 0)
        #expect(Activation.relu.value(-3.0) == 0 && Activation.relu.derivative(0.0) == 0)
        #expect(Activation.leakyReLU(slope: 0.01).value(-2.0) == -0.02)
        #expect(Activation.softsign.value(3.0) == 0.75)
    }

    @Test func singlePrecisionAgreesWithDoublePrecision() {
        for activation in Self.all {
            for x in Self.points {
                let single = Double(activation.value(Float(x)))
                #expect(abs(single - activation.value(x)) < 1e-6 * max(1, abs(single)), "\(activation) at \(x)")
            }
        }
    }

    @Test func everyNameDecodesAndParametersHaveDefaults() {
        #expect(Activation.names.count == Self.all.count && Activation.names.allSatisfy { Activation(name: $0) != nil })
        #expect(Activation(name: "tahn") == nil)
        #expect(
            Activation(name: "leaky-relu") == .leakyReLU(slope: 0.01)
                && Activation(name: "elu", parameter: 0.5) == .elu(alpha: 0.5))
        #expect(Activation(name: "tanh", parameter: 3) == .tanh)
    }
}
