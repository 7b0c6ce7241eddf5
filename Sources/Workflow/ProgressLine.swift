/// The live progress line of an experiment on a terminal: a bar, the percentage, the estimated
/// time left, and the stage. Pure, so that its formatting is tested; the CLI draws it.
public struct ProgressLine: Sendable, Equatable {
    public let experiment: String
    public let fractionDone: Double
    public let stage: String
    /// Seconds left, or nil while there is too little progress to extrapolate from.
    public let secondsLeft: Double?

    /// Width of the bar in characters.
    public static let barWidth = 24
    /// The line is cut here, so it fits a terminal and never wraps.
    public static let maximumLength = 120

    public init(experiment: String, fractionDone: Double, stage: String, secondsLeft: Double?) {
        self.experiment = experiment
        self.fractionDone = fractionDone.isFinite ? min(max(fractionDone, 0), 1) : 0
        self.stage = stage
        self.secondsLeft = secondsLeft
    }

    /// "he-30  ██████░░░░ 25%  ETA 1 min 05 s  training 2 runs"; "ETA ..." until an estimate exists.
    public var text: String {
        let filled = Int(fractionDone * Double(Self.barWidth))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: Self.barWidth - filled)
        let eta = secondsLeft.map { "ETA \(Self.duration($0))" } ?? "ETA ..."
        let line = "\(experiment)  \(bar) \(Int(fractionDone * 100))%  \(eta)  \(stage)"
        return String(line.prefix(Self.maximumLength))
    }

    /// "7 s", "42 s", "3 min 05 s", "1 h 02 min"; whole seconds, rounded up (never "0 s" while
    /// work is left).
    public static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "..." }
        let total = max(0, Int(seconds.rounded(.up)))
        if total < 60 { return "\(total) s" }
        if total < 3600 { return "\(total / 60) min \(twoDigits(total % 60)) s" }
        let minutes = total / 60
        if minutes >= 100 * 60 { return "\(minutes / 60) h" }
        return "\(minutes / 60) h \(twoDigits(minutes % 60)) min"
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

/// The time left of one experiment, extrapolated from its rate since its first progress event:
/// elapsed x (1 - f) / f. No estimate before 1% or 1 second (the first moments are setup).
public struct RemainingTime: Sendable {
    private var experiment: String?
    private var start = 0.0

    public init() {}

    /// The seconds left of `experiment` at time `now` (seconds on any monotonic clock), or nil.
    public mutating func update(experiment: String, fractionDone: Double, now: Double) -> Double? {
        if experiment != self.experiment {
            self.experiment = experiment
            start = now
        }
        let elapsed = now - start
        guard fractionDone >= 0.01, elapsed >= 1 else { return nil }
        guard fractionDone < 1 else { return 0 }
        return elapsed * (1 - fractionDone) / fractionDone
    }
}
