import Synchronization

/// Where a run reports how far it has got. The run layer calls it; the CLI decides whether and
/// how to show it (a progress bar on a terminal, nothing otherwise).
public struct RunProgress: Sendable {
    /// One step of progress: what is running and the fraction done, 0...1.
    public struct Event: Sendable {
        public let experiment: String
        public let stage: String
        public let fractionDone: Double
    }

    private let sink: @Sendable (Event) -> Void

    public init(_ sink: @escaping @Sendable (Event) -> Void) { self.sink = sink }

    /// Discards every event.
    public static let silent = RunProgress { _ in }

    /// Reports a step; the fraction is clamped to 0...1.
    public func report(experiment: String, stage: String, fractionDone: Double) {
        sink(Event(experiment: experiment, stage: stage, fractionDone: min(max(fractionDone, 0), 1)))
    }
}

/// Progress through one stage made of `total` equal steps, shown as the span `from...to` of the
/// experiment's fraction; steps may finish on any thread. Long phases report through it, so
/// that a run never sits silent for minutes.
final class StageProgress: Sendable {
    private let progress: RunProgress
    private let experiment: String
    private let stage: String
    private let from: Double
    private let to: Double
    private let total: Double
    private let done = Atomic<Int>(0)

    init(_ progress: RunProgress, experiment: String, stage: String, from: Double, to: Double, total: Int) {
        self.progress = progress
        self.experiment = experiment
        self.stage = stage
        self.from = from
        self.to = to
        self.total = Double(max(total, 1))
        progress.report(experiment: experiment, stage: stage, fractionDone: from)
    }

    /// Marks `count` more steps done.
    func step(_ count: Int = 1) {
        let finished = Double(done.wrappingAdd(count, ordering: .relaxed).newValue)
        progress.report(
            experiment: experiment, stage: stage, fractionDone: from + (to - from) * min(finished / total, 1))
    }
}
