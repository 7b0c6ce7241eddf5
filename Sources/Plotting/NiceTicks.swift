import Foundation

/// Tick positions at "nice" values (1, 2, 5 x 10^k), as matplotlib's MaxNLocator, and
/// their labels.
public enum NiceTicks {
    /// About `target` ticks covering [low, high]: every multiple of the chosen step in the range.
    /// A range narrower than about 1e-12 of its magnitude (which data can produce: a layer whose
    /// values agree to 15 digits) gets one tick: finer steps are below what a Double resolves,
    /// and stepping by them would never reach `high`.
    public static func linear(low: Double, high: Double, target: Int = 5) -> [Double] {
        guard low.isFinite, high.isFinite, high > low else { return low.isFinite ? [low] : [] }
        let step = self.step(for: (high - low) / Double(max(target, 1)))
        guard step > 1e-12 * max(abs(low), abs(high)), step.isFinite, step > 0 else { return [low] }
        let tolerance = step * 1e-9
        var value = (low / step).rounded(.up) * step
        if value - step >= low - tolerance { value -= step }
        var ticks: [Double] = []
        // At most 10 steps a target (the nice step is at least a fifth of the raw one).
        while value <= high + tolerance, ticks.count <= 10 * max(target, 1) {
            ticks.append(abs(value) < tolerance ? 0 : value)
            value += step
        }
        return ticks.map { clean($0, step: step) }
    }

    /// The smallest nice step at least `raw`.
    public static func step(for raw: Double) -> Double {
        let magnitude = pow(10, floor(log10(raw)))
        for multiple in [1.0, 2, 5, 10] where multiple * magnitude >= raw * (1 - 1e-12) {
            return multiple * magnitude
        }
        return 10 * magnitude
    }

    /// The range extended outward to the nearest nice ticks.
    public static func expanded(low: Double, high: Double, target: Int = 5) -> (low: Double, high: Double) {
        guard high > low else { return (low - 0.5, high + 0.5) }
        let step = self.step(for: (high - low) / Double(max(target, 1)))
        return ((low / step + 1e-9).rounded(.down) * step, (high / step - 1e-9).rounded(.up) * step)
    }

    /// Powers of ten in [low, high]; thinned to every k-th decade when there are many.
    public static func logarithmic(low: Double, high: Double, maximum: Int = 7) -> [Double] {
        guard low > 0, high > low else { return [] }
        let first = Int(ceil(log10(low) - 1e-9))
        let last = Int(floor(log10(high) + 1e-9))
        guard first <= last else { return [] }
        let every = max(1, Int(ceil(Double(last - first + 1) / Double(maximum))))
        return stride(from: first, through: last, by: every).map { pow(10, Double($0)) }
    }

    /// Labels for linear ticks with a common number of decimals; scientific (a×10ⁿ) for very
    /// large or small values. Uses the true minus sign.
    public static func labels(_ ticks: [Double]) -> [String] {
        guard ticks.count > 1 else { return ticks.map { label($0, decimals: 2) } }
        let step = abs(ticks[1] - ticks[0])
        guard step > 0, step.isFinite else { return ticks.map { label($0, decimals: 2) } }
        let largest = ticks.map(abs).max() ?? 0
        if largest >= 1e5 || (largest > 0 && largest < 1e-3) {
            return ticks.map(scientific)
        }
        var decimals = max(0, Int(-floor(log10(step) + 1e-9)))
        if abs((step / pow(10, floor(log10(step) + 1e-9))) - 2.5) < 1e-9 { decimals += 1 }
        return ticks.map { label($0, decimals: decimals) }
    }

    /// "10⁻³" for a power of ten.
    public static func powerOfTen(_ value: Double) -> String {
        "10" + superscript(Int(log10(value).rounded()))
    }

    static func label(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        return text.hasPrefix("-")
            ? (Double(text) == 0 ? String(text.dropFirst()) : "\u{2212}" + text.dropFirst()) : text
    }

    static func scientific(_ value: Double) -> String {
        if value == 0 { return "0" }
        let exponent = Int(floor(log10(abs(value)) + 1e-9))
        let mantissa = value / pow(10, Double(exponent))
        let mantissaText = label(mantissa, decimals: abs(mantissa.rounded() - mantissa) < 1e-9 ? 0 : 1)
        return (mantissaText == "1" ? "" : mantissaText == "\u{2212}1" ? "\u{2212}" : mantissaText + "\u{00D7}") + "10"
            + superscript(exponent)
    }

    static func superscript(_ value: Int) -> String {
        let digits: [Character: String] = [
            "0": "\u{2070}", "1": "\u{00B9}", "2": "\u{00B2}", "3": "\u{00B3}", "4": "\u{2074}",
            "5": "\u{2075}", "6": "\u{2076}", "7": "\u{2077}", "8": "\u{2078}", "9": "\u{2079}", "-": "\u{207B}",
        ]
        return String(value).map { digits[$0] ?? String($0) }.joined()
    }

    /// Removes binary noise such as 0.30000000000000004 by rounding to the step's precision.
    private static func clean(_ value: Double, step: Double) -> Double {
        let decimals = max(0, Int(-floor(log10(step))) + 2)
        let factor = pow(10, Double(min(decimals, 15)))
        return (value * factor).rounded() / factor
    }
}
