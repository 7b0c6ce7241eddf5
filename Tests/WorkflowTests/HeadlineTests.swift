import JSON
import Testing

@testable import Workflow

@Suite struct HeadlineTests {
    static func values(_ text: String) throws -> [String: String] { Headline.values(try JSONParser.parse(text).value) }

    @Test func trainingHeadlinesAverageOverRepeats() throws {
        let values = try Self.values(
            """
            {"kind": "training", "training": {"variants": [{"label": "He", "runs": [
              {"final_loss_last_100": 0.4, "diverged_at": null, "evaluations": [{"test_accuracy": 0.5}, {"test_accuracy": 0.8}]},
              {"final_loss_last_100": 0.6, "diverged_at": 12, "evaluations": [{"test_accuracy": 0.9}]}]}]}}
            """)
        #expect(values["He: mean of last 100 losses"] == "0.5")
        #expect(values["He: final test accuracy"] == "0.85")
        #expect(values["He: diverged repeats"] == "1")
    }

    @Test func meanFieldHeadlines() throws {
        let values = try Self.values(
            """
            {"kind": "meanfield", "meanfield": {"depth_scales": {"critical_sigma_w2": 1.76095},
               "correlation_depth": [{"activation": "swish", "sigma_b2": 0.04, "sigma_w2": 2.82, "q_star_repels": true}]}}
            """)
        #expect(values["edge of chaos sigma_w^2"] == "1.76095")
        #expect(values["swish at sigma_b^2 = 0.04: q* repels"] == "true")
    }

    @Test func sweepHeadlines() throws {
        let values = try Self.values(
            """
            {"kind": "sweep", "sweep": {"metric": "test_accuracy", "cells": [{"value": 0.25}, {"value": 0.75}]}}
            """)
        #expect(values["test_accuracy: mean over 2 cells"] == "0.5" && values["test_accuracy: best cell"] == "0.75")
    }

    /// Each kind reads only its own part: a sweep's results say nothing about training.
    @Test func headlinesFollowTheKind() throws {
        let values = try Self.values(
            """
            {"kind": "sweep", "sweep": {"metric": "final_loss", "cells": [{"value": 1}]},
             "training": {"variants": [{"label": "He", "runs": []}]}}
            """)
        #expect(values.keys.sorted() == ["final_loss: best cell", "final_loss: mean over 1 cells"])
    }
}
