import ArgumentParser
import Foundation
import JSON
import Theory

struct MeanFieldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meanfield",
        abstract: "Mean-field quantities of a deep random network: q*, chi1, c*, depth scales, phase.",
        discussion:
            "Weights ~ N(0, sigma_w^2 / N), biases ~ N(0, sigma_b^2); both arguments are VARIANCES (give --sigma-w / --sigma-b for standard deviations)."
    )

    @Option(
        help:
            "Activation: identity, sigmoid, tanh, relu, leaky-relu[:slope], elu[:alpha], selu, gelu, swish, softsign, softplus, erf."
    )
    var activation: ActivationOption

    @Option(
        name: .customLong("sigma-w2"), parsing: .unconditional, help: "Weight variance sigma_w^2.",
        transform: Variance.parser("variance"))
    var sigmaW2: Variance?

    @Option(
        name: .customLong("sigma-b2"), parsing: .unconditional, help: "Bias variance sigma_b^2.",
        transform: Variance.parser("variance"))
    var sigmaB2: Variance?

    @Option(
        name: .customLong("sigma-w"), parsing: .unconditional,
        help: "Weight standard deviation sigma_w (squared before use).",
        transform: Variance.parser("standard deviation"))
    var sigmaW: Variance?

    @Option(
        name: .customLong("sigma-b"), parsing: .unconditional,
        help: "Bias standard deviation sigma_b (squared before use).",
        transform: Variance.parser("standard deviation"))
    var sigmaB: Variance?

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        if (sigmaW2 == nil) == (sigmaW == nil) {
            throw ValidationError("give exactly one of --sigma-w2 (variance) or --sigma-w (standard deviation)")
        }
        if sigmaB2 != nil && sigmaB != nil {
            throw ValidationError("give at most one of --sigma-b2 (variance) or --sigma-b (standard deviation)")
        }
    }

    func run() throws {
        let w2 = sigmaW2?.value ?? pow(sigmaW!.value, 2)
        let b2 = sigmaB2?.value ?? pow(sigmaB?.value ?? 0, 2)
        let summary = MeanFieldSummary(MeanField(activation: activation.activation, sigmaW2: w2, sigmaB2: b2))
        let convention =
            sigmaW != nil || sigmaB != nil ? "standard deviations given, squared to variances" : "variances given"
        if json {
            print(JSONWriter.pretty(SummaryJSON.object(summary, convention: convention)), terminator: "")
            return
        }
        print("activation \(activation.activation.label), sigma_w^2 = \(w2), sigma_b^2 = \(b2) (\(convention))")
        for (name, value) in SummaryJSON.rows(summary) {
            print(name.padding(toLength: 30, withPad: " ", startingAt: 0) + value)
        }
    }
}

/// The summary as rows for people and as JSON for scripts.
enum SummaryJSON {
    static func number(_ value: Double) -> String {
        value.isNaN ? "undefined" : value.isInfinite ? "infinite" : String(format: "%.9g", value)
    }

    static func rows(_ summary: MeanFieldSummary) -> [(String, String)] {
        var rows: [(String, String)] = []
        switch summary.fixedPoint {
        case .diverges: rows.append(("q*", "diverges (no attracting fixed point)"))
        case .point(let q, _): rows.append(("q*", number(q) + " (attracting)"))
        }
        if let repelling = summary.repellingFixedPoint {
            rows.append(("repelling fixed point", number(repelling) + " (a finite network drifts away from it)"))
        }
        rows += [
            ("chi1", number(summary.chi1)),
            ("Q'(q*)", number(summary.qSlope)),
            ("c*", number(summary.correlationFixedPoint)),
            ("chi_c*", number(summary.chiC)),
            ("xi_q", number(summary.xiQ)),
            ("xi_c", number(summary.xiC)),
            ("6 xi_c (trainable depth)", number(6 * summary.xiC)),
            ("phase", summary.phase.rawValue),
        ]
        return rows
    }

    static func object(_ summary: MeanFieldSummary, convention: String) -> JSONValue {
        func value(_ x: Double) -> JSONValue { x.isFinite ? .double(x) : .string(x.isNaN ? "undefined" : "infinite") }
        return [
            "activation": .string(summary.meanField.activation.name),
            "sigma_w2": .double(summary.meanField.sigmaW2),
            "sigma_b2": .double(summary.meanField.sigmaB2),
            "convention": .string(convention),
            "q_star": summary.fixedPoint.q.map(value) ?? .string("diverges"),
            "repelling_fixed_point": summary.repellingFixedPoint.map(value) ?? .null,
            "chi1": value(summary.chi1),
            "q_slope": value(summary.qSlope),
            "c_star": value(summary.correlationFixedPoint),
            "chi_c": value(summary.chiC),
            "xi_q": value(summary.xiQ),
            "xi_c": value(summary.xiC),
            "six_xi_c": value(6 * summary.xiC),
            "phase": .string(summary.phase.rawValue),
        ]
    }
}
