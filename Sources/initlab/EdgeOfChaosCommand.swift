import ArgumentParser
import Foundation
import JSON
import Theory

struct EdgeOfChaosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eoc",
        abstract: "The edge of chaos: the critical sigma_w^2 for a bias variance, its q*, and whether q* attracts.")

    @Option(help: "Activation (see `initlab meanfield --help`).")
    var activation: ActivationOption

    @Option(
        name: .customLong("sigma-b2"), parsing: .unconditional, help: "Bias variance sigma_b^2.",
        transform: Variance.parser("variance"))
    var sigmaB2: Variance

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let label = activation.activation.label
        let edge = EdgeOfChaos(activation: activation.activation)
        guard let point = edge.critical(sigmaB2: sigmaB2.value) else {
            let only = edge.critical(sigmaB2: 0).map {
                " (its only critical point is sigma_w^2 = \($0.sigmaW2), sigma_b^2 = 0)"
            }
            throw fail(
                "\(label) has no edge of chaos at sigma_b^2 = \(sigmaB2.value): its curve sigma_b^2(q) never reaches that value"
                    + (edge.isSinglePoint ? only ?? "" : ""))
        }
        let stability: String
        switch point.stability {
        case .attracting: stability = "attracting"
        case .marginal: stability = "marginal"
        case .repelling: stability = "repelling"
        }
        let attracting = point.stability == .attracting
        if json {
            let object: JSONValue = [
                "activation": .string(activation.activation.name), "sigma_b2": .double(sigmaB2.value),
                "sigma_w2": .double(point.sigmaW2), "q_star": .double(point.q), "q_slope": .double(point.qSlope),
                "attracting": .bool(attracting), "stability": .string(stability),
            ]
            print(JSONWriter.pretty(object), terminator: "")
            return
        }
        print("activation \(label), sigma_b^2 = \(sigmaB2.value)")
        print(
            "critical sigma_w^2".padding(toLength: 22, withPad: " ", startingAt: 0) + SummaryJSON.number(point.sigmaW2))
        print("q*".padding(toLength: 22, withPad: " ", startingAt: 0) + SummaryJSON.number(point.q))
        print("Q'(q*)".padding(toLength: 22, withPad: " ", startingAt: 0) + SummaryJSON.number(point.qSlope))
        let verdict: String
        switch point.stability {
        case .attracting: verdict = "yes"
        case .marginal: verdict = "marginal: every q is a fixed point, a network keeps its input's variance"
        case .repelling:
            verdict =
                "NO: q* repels; a finite network started there drifts away, so this edge of chaos is not reached in practice"
        }
        print("q* attracting".padding(toLength: 22, withPad: " ", startingAt: 0) + verdict)
    }
}
