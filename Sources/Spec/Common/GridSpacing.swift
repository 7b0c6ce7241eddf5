/// Whether a `[low, high]` range split into equal steps (histogram bins, grid cells, points of a
/// curve) has steps a run can compute and a figure can label.
///
/// Steps narrower than `minimumStep` collapse in the axis labels (ticks are rounded to 15
/// decimals), and steps below `minimumRelativeStep` of the bounds' magnitude no longer separate
/// 32-bit activations (their precision is 6e-8) or leave equal edges after rounding
/// (`[1, 1 + ulp]`); a range so wide that its length overflows has no finite step at all.
enum GridSpacing {
    static let minimumStep = 1e-12
    static let minimumRelativeStep = 1e-6

    /// Nil when the steps are fine, else what is wrong, e.g. "the 10 bins of [0, 1e-30] are
    /// 1e-31 wide; each must be at least 1e-12 ...".
    static func problem(low: Double, high: Double, steps: Int, stepName: String) -> String? {
        let step = (high - low) / Double(steps)
        let magnitude = max(abs(low), abs(high))
        let needed = max(minimumStep, minimumRelativeStep * magnitude)
        guard !step.isFinite || step < needed else { return nil }
        let range = "[\(low), \(high)]"
        guard step.isFinite else { return "the range \(range) is too wide: its length overflows a 64-bit float" }
        let plural = steps == 1 ? stepName : stepName + "s"
        return
            "the \(steps) \(plural) of \(range) are \(step) wide; each must be at least \(minimumStep) and at least \(minimumRelativeStep) times the largest bound's magnitude (here \(needed)): widen the range or use fewer \(stepName)s"
    }
}
