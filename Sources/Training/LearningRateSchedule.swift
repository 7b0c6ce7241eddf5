import Foundation

/// The learning rate as a function of the iteration (0-based).
public enum LearningRateSchedule: Sendable, Hashable {
    case constant
    /// Multiply by `factor` every `every` iterations.
    case step(every: Int, factor: Double)
    /// Cosine decay from the base rate to `floor` over `iterations`.
    case cosine(iterations: Int, floor: Double)

    public func rate(base: Double, iteration: Int) -> Double {
        switch self {
        case .constant:
            return base
        case .step(let every, let factor):
            return base * pow(factor, Double(iteration / max(every, 1)))
        case .cosine(let iterations, let floor):
            let progress = min(Double(iteration) / Double(max(iterations, 1)), 1)
            return floor + (base - floor) * (1 + cos(Double.pi * progress)) / 2
        }
    }
}
