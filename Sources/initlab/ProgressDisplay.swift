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
        let width = 24
        let filled = Int(event.fractionDone * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = "\(event.experiment)  \(bar) \(Int(event.fractionDone * 100))%  \(event.stage)"
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(line.prefix(120))".utf8))
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
