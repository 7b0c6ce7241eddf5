import Plotting
import Testing

@Suite struct NiceTicksTests {
    @Test func unitIntervalGetsTenthsOrFifths() {
        #expect(NiceTicks.linear(low: 0, high: 1) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(NiceTicks.labels([0, 0.2, 0.4, 0.6, 0.8, 1]) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    @Test func awkwardRangesGetNiceSteps() {
        #expect(NiceTicks.linear(low: 0.0123, high: 0.0871) == [0.02, 0.04, 0.06, 0.08])
        #expect(NiceTicks.linear(low: -3.7, high: 2.2) == [-2, 0, 2])
        #expect(NiceTicks.linear(low: 0, high: 2000) == [0, 500, 1000, 1500, 2000])
        #expect(NiceTicks.labels([-2, 0, 2]) == ["\u{2212}2", "0", "2"])
    }

    @Test func tinyAndHugeValuesUseScientificLabels() {
        #expect(
            NiceTicks.labels([0, 0.0002, 0.0004]) == [
                "0", "2\u{00D7}10\u{207B}\u{2074}", "4\u{00D7}10\u{207B}\u{2074}",
            ])
        #expect(NiceTicks.labels([0, 200_000]) == ["0", "2\u{00D7}10\u{2075}"])
    }

    @Test func logTicksArePowersOfTen() {
        #expect(NiceTicks.logarithmic(low: 1e-3, high: 1) == [1e-3, 1e-2, 1e-1, 1])
        let thinned = NiceTicks.logarithmic(low: 1e-9, high: 1)
        #expect(thinned.count <= 7 && thinned.first == 1e-9)
        #expect(NiceTicks.powerOfTen(1e-3) == "10\u{207B}\u{00B3}")
    }

    @Test func expansionReachesTheNextTicks() {
        let expanded = NiceTicks.expanded(low: 0, high: 0.37)
        #expect(expanded.low == 0 && abs(expanded.high - 0.4) < 1e-12)
    }

    /// Data can span less than a Double resolves at its magnitude; ticks must still end.
    @Test func rangesNarrowerThanTheirPrecisionGetOneTick() {
        for (low, high) in [(1.0, 1.0 + 1e-15), (1.0, 1.0.nextUp), (1e6, 1e6 + 1e-9), (-2.0, -2.0 + 4e-16)] {
            let ticks = NiceTicks.linear(low: low, high: high)
            #expect(ticks == [low], "\(low)...\(high): \(ticks)")
            #expect(NiceTicks.labels(ticks).count == 1)
        }
        #expect(NiceTicks.linear(low: 0, high: 1e-30).count >= 3, "tiny values far from zero still get ticks")
    }
}
