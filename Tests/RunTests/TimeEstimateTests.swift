import Foundation
import Testing

@testable import Run
@testable import Spec

@Suite struct TimeEstimateTests {
    static func refusal(_ text: String, threads: Int = 2) throws -> String? {
        let spec = try SpecLoader.parse(text, file: "x.json")
        do {
            try ExperimentRunner.checkTime(spec, limit: TimeLimit(seconds: 3600, source: "test"), threads: threads)
            return nil
        } catch {
            return error.description
        }
    }

    static let jacobianAtTheMaxima = """
        {"id": "t", "title": "t", "kind": "jacobian", "seed": 1, "width": 2000, "depths": [1000],
         "variants": [{"label": "a", "key": "a", "activation": "tanh", "weights": "gaussian", "sigma_w2": 1.5,
                       "sigma_b2": 0.05}]}
        """

    /// Width 2000 at depth 1000 (two days of products) is refused with the estimate and the limit.
    @Test func refusesTheJacobianAtItsMaxima() throws {
        let message = try #require(try Self.refusal(Self.jacobianAtTheMaxima))
        #expect(message.hasPrefix("would take about "), "\(message)")
        #expect(message.contains("about 49 h (jacobian products 49 h, eigenvalues"), "\(message)")
        #expect(message.hasSuffix("on 2 threads; the limit is 1 h (test)"), "\(message)")
    }

    /// Every mean-field section at its maximum at once; a 400 x 400 grid alone (about 40 min on
    /// two cores) and a 100000-layer correlation map (2 min) are allowed, and report progress.
    @Test func refusesAllMeanFieldMaximaAtOnce() throws {
        let all = """
            {"id": "t", "title": "t", "kind": "meanfield", "seed": 1,
             "phase_diagram": {"activation": "tanh", "sigma_w2": [0.5, 4.5], "sigma_b2": [0, 1], "grid": [400, 400]},
             "depth_scales": {"activation": "tanh", "sigma_b2": 0.05, "sigma_w2": [0.5, 4.5], "points": 2000},
             "correlation_depth": {"activations": ["tanh", "erf"], "sigma_b2": [0.01, 0.1], "depth": 100000},
             "empirical": {"activation": "tanh", "sigma_w2": 1.5, "sigma_b2": 0.05, "width": 5000, "depth": 1000,
                           "seeds": 1000}}
            """
        let message = try #require(try Self.refusal(all))
        #expect(message.contains("finite-width networks"), "\(message)")
        #expect(
            try Self.refusal(
                """
                {"id": "t", "title": "t", "kind": "meanfield", "seed": 1,
                 "phase_diagram": {"activation": "tanh", "sigma_w2": [0.5, 4.5], "sigma_b2": [0, 1], "grid": [400, 400]}}
                """) == nil)
        #expect(
            try Self.refusal(
                """
                {"id": "t", "title": "t", "kind": "meanfield", "seed": 1,
                 "correlation_depth": {"activations": ["tanh"], "sigma_b2": [0.05], "depth": 100000}}
                """) == nil)
    }

    /// The run checks too, before computing.
    @Test func runRefusesBeforeRunning() throws {
        let spec = try SpecLoader.parse(Self.jacobianAtTheMaxima, file: "x.json")
        #expect(throws: RunError.self) {
            _ = try ExperimentRunner.run(spec, timeLimit: TimeLimit(seconds: 3600, source: "test"))
        }
    }

    /// Every shipped experiment is estimated well within the default hour, even on one thread.
    @Test func acceptsTheShippedExperiments() throws {
        let shipped = try ShippedExperiments.specs()
        #expect(shipped.count >= 10)
        for (file, spec) in shipped {
            let estimate = TimeEstimate.of(spec, threads: 1)
            #expect(estimate.totalSeconds > 0 && estimate.totalSeconds < 3600, "\(file): \(estimate.summary)")
        }
    }

    @Test func limitComesFromTheEnvironment() throws {
        #expect(try TimeLimit.current(environment: [:]).seconds == 3600)
        #expect(try TimeLimit.current(environment: [:]).source.contains("INITLAB_TIME_LIMIT"))
        #expect(try TimeLimit.current(environment: ["INITLAB_TIME_LIMIT": "4h"]).seconds == 14400)
        #expect(try TimeLimit.current(environment: ["INITLAB_TIME_LIMIT": "90s"]).seconds == 90)
        #expect(try TimeLimit.current(environment: ["INITLAB_TIME_LIMIT": "30m"]).seconds == 1800)
        #expect(try TimeLimit.current(environment: ["INITLAB_TIME_LIMIT": "none"]).seconds == .infinity)
        for bad in ["4 hours", "-1h", "0", ""] {
            #expect(throws: RunError.self, "\(bad)") {
                _ = try TimeLimit.current(environment: ["INITLAB_TIME_LIMIT": bad])
            }
        }
        #expect(TimeEstimate.format(40) == "40 s")
        #expect(TimeEstimate.format(150) == "2.5 min")
        #expect(TimeEstimate.format(7200) == "2 h")
        #expect(TimeEstimate.format(2 * 86400 * 30) == "60 days")
    }
}
