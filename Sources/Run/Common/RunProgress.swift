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
