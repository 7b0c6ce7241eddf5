import Testing
import Workflow

@Suite struct ProgressLineTests {
    @Test func lineShowsBarPercentEtaAndStage() {
        let line = ProgressLine(experiment: "he-30", fractionDone: 0.25, stage: "training 2 runs", secondsLeft: 65)
        #expect(line.text == "he-30  ██████░░░░░░░░░░░░░░░░░░ 25%  ETA 1 min 05 s  training 2 runs")
        let early = ProgressLine(experiment: "x", fractionDone: 0, stage: "start", secondsLeft: nil)
        #expect(early.text == "x  ░░░░░░░░░░░░░░░░░░░░░░░░ 0%  ETA ...  start")
        let done = ProgressLine(experiment: "x", fractionDone: 1.5, stage: "done", secondsLeft: 0)
        #expect(done.text == "x  ████████████████████████ 100%  ETA 0 s  done")
    }

    @Test func longLinesAreCut() {
        let line = ProgressLine(
            experiment: "x", fractionDone: 0.5, stage: String(repeating: "s", count: 300), secondsLeft: 1)
        #expect(line.text.count == ProgressLine.maximumLength)
    }

    @Test(arguments: [
        (0.2, "1 s"), (7, "7 s"), (59.5, "1 min 00 s"), (185, "3 min 05 s"), (3599, "59 min 59 s"),
        (3600, "1 h 00 min"), (3720, "1 h 02 min"), (400_000, "111 h"), (Double.infinity, "..."),
    ])
    func durations(seconds: Double, text: String) {
        #expect(ProgressLine.duration(seconds) == text)
    }

    @Test func remainingTimeExtrapolatesFromTheExperimentsStart() {
        var remaining = RemainingTime()
        #expect(remaining.update(experiment: "a", fractionDone: 0, now: 100) == nil)
        #expect(remaining.update(experiment: "a", fractionDone: 0.005, now: 110) == nil, "below 1%")
        #expect(remaining.update(experiment: "a", fractionDone: 0.25, now: 110) == 30)
        #expect(remaining.update(experiment: "a", fractionDone: 0.5, now: 120) == 20)
        #expect(remaining.update(experiment: "a", fractionDone: 1, now: 130) == 0)
        // A new experiment starts its own clock.
        #expect(remaining.update(experiment: "b", fractionDone: 0.5, now: 130.5) == nil, "under a second")
        #expect(remaining.update(experiment: "b", fractionDone: 0.5, now: 132) == 1.5)
    }
}
