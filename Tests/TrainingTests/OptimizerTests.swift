import Testing

@testable import Training

/// Each update rule on f(w) = w^2 / 2 (gradient w) from w = 1, against values worked out by hand.
@Suite struct OptimizerTests {
    static func steps(_ optimizer: Optimizer, learningRate: Double = 0.1, count: Int = 3) -> [Double] {
        var w: [Double] = [1]
        var state = OptimizerState<Double>(count: 1, optimizer: optimizer)
        var trajectory: [Double] = []
        for step in 1...count {
            state.update(&w, gradient: w, optimizer: optimizer, learningRate: learningRate, step: step)
            trajectory.append(w[0])
        }
        return trajectory
    }

    /// Same length and every step within 1e-12: a trajectory that is empty or cut short fails.
    static func close(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) < 1e-12 }
    }

    @Test func sgd() { #expect(Self.close(Self.steps(.sgd), [0.9, 0.81, 0.729])) }

    /// v1 = -0.1, w1 = 0.9; v2 = -0.09 - 0.09 = -0.18, w2 = 0.72; v3 = -0.162 - 0.072 = -0.234, w3 = 0.486.
    @Test func momentum() { #expect(Self.close(Self.steps(.momentum(0.9)), [0.9, 0.72, 0.486])) }

    /// v1 = -0.1, w1 = 1 + 1.9 (-0.1) = 0.81; v2 = -0.09 - 0.081 = -0.171,
    /// w2 = 0.81 + 0.09 + 1.9 (-0.171) = 0.5751.
    @Test func nesterov() { #expect(Self.close(Self.steps(.nesterov(0.9), count: 2), [0.81, 0.5751])) }

    /// h1 = 1, w1 = 1 - 0.1 / (1 + 1e-7); h2 = 1 + w1^2, w2 = w1 - 0.1 w1 / (sqrt(h2) + 1e-7).
    @Test func adaGrad() {
        let w1 = 1 - 0.1 / (1 + 1e-7)
        let w2 = w1 - 0.1 * w1 / ((1 + w1 * w1).squareRoot() + 1e-7)
        #expect(Self.close(Self.steps(.adaGrad, count: 2), [w1, w2]))
    }

    /// h1 = 0.01, w1 = 1 - 0.1 / (0.1 + 1e-7).
    @Test func rmsProp() {
        #expect(Self.close(Self.steps(.rmsProp(decay: 0.99), count: 1), [1 - 0.1 / (0.1 + 1e-7)]))
    }

    /// Adam's first step moves by lr * g / (|g| + eps) regardless of scale.
    @Test func adam() {
        let w1 = 1 - 0.1 * 1 / (1 + 1e-8)
        let m2 = 0.9 * 0.1 + 0.1 * w1
        let v2 = 0.999 * 0.001 + 0.001 * w1 * w1
        let w2 = w1 - 0.1 * (m2 / (1 - 0.81)) / ((v2 / (1 - 0.999 * 0.999)).squareRoot() + 1e-8)
        #expect(Self.close(Self.steps(.adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8), count: 2), [w1, w2]))
    }

    @Test func schedules() {
        #expect(LearningRateSchedule.constant.rate(base: 0.1, iteration: 500) == 0.1)
        #expect(abs(LearningRateSchedule.step(every: 100, factor: 0.5).rate(base: 0.1, iteration: 250) - 0.025) < 1e-15)
        let cosine = LearningRateSchedule.cosine(iterations: 100, floor: 0.001)
        #expect(
            cosine.rate(base: 0.1, iteration: 0) == 0.1 && abs(cosine.rate(base: 0.1, iteration: 100) - 0.001) < 1e-15)
        #expect(abs(cosine.rate(base: 0.1, iteration: 50) - 0.0505) < 1e-12)
    }
}
