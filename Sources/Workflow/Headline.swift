import ExperimentKinds
import Foundation
import JSON

/// The few numbers that summarize a result, by readable name, for `initlab diff`: per kind, the
/// quantities a reader of the report would compare first.
enum Headline {
    static func values(_ results: JSONValue) -> [String: String] {
        var values: [String: String] = [:]
        guard let name = string(results, "kind"), let kind = ExperimentKind(rawValue: name) else { return values }
        switch kind {
        case .activations: activations(results, into: &values)
        case .training: training(results, into: &values)
        case .meanField: meanField(results, into: &values)
        case .jacobian: jacobian(results, into: &values)
        case .sweep: sweep(results, into: &values)
        }
        return values
    }

    private static func array(_ value: JSONValue?, _ path: String...) -> [JSONValue] {
        if case .array(let items)? = value?.value(at: JSONPointer(path)) { return items }
        return []
    }

    private static func string(_ value: JSONValue, _ path: String...) -> String? {
        if case .string(let text)? = value.value(at: JSONPointer(path)) { return text }
        return nil
    }

    private static func number(_ value: JSONValue?, _ path: String...) -> Double? {
        if case .number(let number)? = value?.value(at: JSONPointer(path)) { return number.double }
        return nil
    }

    private static func text(_ value: Double) -> String { String(format: "%.6g", value) }

    private static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// Last-layer std and saturated / zero fractions per variant.
    private static func activations(_ results: JSONValue, into values: inout [String: String]) {
        for variant in array(results, "activations", "variants") {
            guard let label = string(variant, "label"), let last = array(variant, "layers").last else { continue }
            for key in ["std", "fraction_saturated", "fraction_zero"] {
                if let value = last.value(at: JSONPointer([key])), value != .null {
                    values["\(label): last-layer \(key)"] = JSONWriter.compact(value)
                }
            }
        }
    }

    /// Per variant: mean over repeats of the last 100 losses and of the final test accuracy, and
    /// how many repeats diverged.
    private static func training(_ results: JSONValue, into values: inout [String: String]) {
        for variant in array(results, "training", "variants") {
            guard let label = string(variant, "label") else { continue }
            let runs = array(variant, "runs")
            if let loss = mean(runs.compactMap { number($0, "final_loss_last_100") }) {
                values["\(label): mean of last 100 losses"] = text(loss)
            }
            if let accuracy = mean(runs.compactMap { number(array($0, "evaluations").last, "test_accuracy") }) {
                values["\(label): final test accuracy"] = text(accuracy)
            }
            values["\(label): diverged repeats"] = String(
                runs.filter { $0.value(at: JSONPointer(["diverged_at"])) != .null }.count)
        }
    }

    /// Critical points, whether they attract, and the finite-network agreement.
    private static func meanField(_ results: JSONValue, into values: inout [String: String]) {
        if let critical = number(results, "meanfield", "depth_scales", "critical_sigma_w2") {
            values["edge of chaos sigma_w^2"] = text(critical)
        }
        for curve in array(results, "meanfield", "correlation_depth") {
            guard let activation = string(curve, "activation"), let bias = number(curve, "sigma_b2") else { continue }
            let name = "\(activation) at sigma_b^2 = \(text(bias))"
            if let critical = number(curve, "sigma_w2") { values["\(name): critical sigma_w^2"] = text(critical) }
            if case .bool(let repels)? = curve.value(at: JSONPointer(["q_star_repels"])) {
                values["\(name): q* repels"] = String(repels)
            }
        }
        if let within = number(results, "meanfield", "empirical", "layers_q_within_3_se") {
            values["finite networks: layers within 3 SE"] =
                "\(Int(within)) of \(array(results, "meanfield", "empirical", "predicted_q").count)"
        }
    }

    /// Measured spread of the J J^T spectrum per network and depth.
    private static func jacobian(_ results: JSONValue, into values: inout [String: String]) {
        for variant in array(results, "jacobian", "variants") {
            guard let label = string(variant, "label") else { continue }
            for spectrum in array(variant, "spectra") {
                guard let depth = number(spectrum, "depth"), let mean = number(spectrum, "mean"),
                    let variance = number(spectrum, "variance")
                else { continue }
                values["\(label), depth \(Int(depth)): variance / mean^2"] = text(variance / (mean * mean))
            }
        }
    }

    /// The sweep's metric averaged over the grid, and its best cell.
    private static func sweep(_ results: JSONValue, into values: inout [String: String]) {
        let cells = array(results, "sweep", "cells").compactMap { number($0, "value") }
        guard let average = mean(cells), let metric = string(results, "sweep", "metric") else { return }
        values["\(metric): mean over \(cells.count) cells"] = text(average)
        if let best = cells.max() { values["\(metric): best cell"] = text(best) }
    }
}
