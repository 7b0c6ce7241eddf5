import Foundation

/// One axis of a panel: label, scale, optional fixed range and ticks.
public struct Axis: Sendable {
    public enum Scale: Sendable, Hashable {
        case linear
        /// Base-10 logarithmic; non-positive values cannot be drawn and are counted in a note.
        case log
    }

    public var label: String?
    public var scale: Scale
    /// A fixed range; `nil` takes the data's range (padded for curves, from 0 for bars).
    public var range: ClosedRange<Double>?
    /// Explicit tick positions; `nil` chooses nice ones.
    public var ticks: [Double]?
    /// Ticks only at integers (layer indices).
    public var integerTicks: Bool

    public init(
        label: String? = nil, scale: Scale = .linear, range: ClosedRange<Double>? = nil, ticks: [Double]? = nil,
        integerTicks: Bool = false
    ) {
        self.label = label
        self.scale = scale
        self.range = range
        self.ticks = ticks
        self.integerTicks = integerTicks
    }

    /// Maps `value` in `range` to the interval from `start` to `end` (device coordinates).
    func map(_ value: Double, range: ClosedRange<Double>, from start: Double, to end: Double) -> Double {
        let t: Double
        switch scale {
        case .linear: t = (value - range.lowerBound) / (range.upperBound - range.lowerBound)
        case .log: t = (log10(value) - log10(range.lowerBound)) / (log10(range.upperBound) - log10(range.lowerBound))
        }
        return start + t * (end - start)
    }

    /// Tick positions and labels for `range`.
    func tickMarks(for range: ClosedRange<Double>, target: Int) -> [(value: Double, label: String)] {
        switch scale {
        case .log:
            // Explicit ticks (a sweep's depths) are labelled as plain numbers, decades as powers of ten.
            if let ticks { return Array(zip(ticks, NiceTicks.labels(ticks))) }
            return NiceTicks.logarithmic(low: range.lowerBound, high: range.upperBound).map {
                ($0, NiceTicks.powerOfTen($0))
            }
        case .linear:
            var values = ticks ?? NiceTicks.linear(low: range.lowerBound, high: range.upperBound, target: target)
            if integerTicks && ticks == nil {
                values = values.filter { $0 == $0.rounded() }
                if values.count < 2 {
                    values = stride(from: range.lowerBound.rounded(.up), through: range.upperBound, by: 1).map { $0 }
                }
            }
            return Array(zip(values, NiceTicks.labels(values)))
        }
    }
}
