import Foundation
import Run
import Workflow

/// Progress on standard error: a live line on a terminal, one line per finished experiment
/// otherwise, nothing with --quiet.
final class ProgressDisplay: @unchecked Sendable {
    private let quiet: Bool
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var lastDraw = ContinuousClock.now
    private let started = ContinuousClock.now
    private var remaining = RemainingTime()
    private var showing = false

    init(quiet: Bool) { self.quiet = quiet }

    var progress: RunProgress {
        guard !quiet, isTerminal else { return .silent }
        return RunProgress { [self] event in draw(event) }
    }

    private func draw(_ event: RunProgress.Event) {
        lock.lock()
        defer { lock.unlock() }
        let now = ContinuousClock.now
        guard event.fractionDone >= 1 || now - lastDraw > .milliseconds(100) else { return }
        lastDraw = now
        let elapsed = now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let line = ProgressLine(
            experiment: event.experiment, fractionDone: event.fractionDone, stage: event.stage,
            secondsLeft: remaining.update(experiment: event.experiment, fractionDone: event.fractionDone, now: seconds))
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(line.text)".utf8))
        showing = true
    }

    /// Removes the live line before other output.
    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if showing { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        showing = false
    }

    func finished(_ outcome: ExperimentWorkflow.Outcome) {
        clear()
        if let cacheNote = outcome.cacheNote { note("\(outcome.experiment): \(cacheNote)") }
        guard !quiet else { return }
        if outcome.servedFromCache {
            note(
                "\(outcome.experiment): served from cache (same spec, seed, code and data) -> \(outcome.reportDirectory.path)/index.html"
            )
        } else {
            note(
                "\(outcome.experiment): \(outcome.figureCount) figure(s), \(String(format: "%.1f", outcome.wallTimeSeconds)) s -> \(outcome.reportDirectory.path)/index.html"
            )
        }
    }
}
