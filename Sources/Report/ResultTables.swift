import Results

/// The tables of a report, by experiment kind.
enum ResultTables {
    /// A short comparison of the variants, shown in the summary.
    static func summary(for result: ExperimentResult) -> ReportTable? {
        switch result.body {
        case .activations(let activations):
            guard let depth = activations.variants.first?.layers.count else { return nil }
            return ReportTable(
                id: "table-summary", caption: "First and last layer at a glance.",
                headers: ["variant", "std, layer 1", "std, layer \(depth)", "saturated, layer \(depth)", "exactly 0, layer \(depth)"],
                rows: activations.variants.map { variant in
                    let first = variant.layers.first!, last = variant.layers.last!
                    return [variant.label, NumberFormat.significant(first.standardDeviation), NumberFormat.significant(last.standardDeviation),
                            NumberFormat.percent(last.fractionSaturated), NumberFormat.percent(last.fractionZero)]
                })
        }
    }

    /// The detailed statistics tables.
    static func details(for result: ExperimentResult) -> [ReportTable] {
        switch result.body {
        case .activations(let activations):
            return activations.variants.map { variant in
                ReportTable(
                    id: "table-\(variant.key)",
                    caption: "Variant “\(variant.label)”: activation statistics per layer over the whole batch"
                        + (variant.lsuvRescalings.map { "; LSUV rescalings per layer: " + $0.map(String.init).joined(separator: ", ") } ?? "") + ".",
                    headers: ["layer", "mean", "std", "min", "max", "saturated", "exactly 0", "pre-activation std", "outside bins"],
                    rows: variant.layers.map { layer in
                        [String(layer.layer), NumberFormat.significant(layer.mean), NumberFormat.significant(layer.standardDeviation),
                         NumberFormat.significant(layer.minimum), NumberFormat.significant(layer.maximum),
                         NumberFormat.percent(layer.fractionSaturated), NumberFormat.percent(layer.fractionZero),
                         NumberFormat.significant(layer.preactivationStandardDeviation),
                         String(layer.belowRange + layer.aboveRange + layer.nonFinite)]
                    })
            }
        }
    }

    /// Definitions the tables rely on.
    static func notes(for result: ExperimentResult) -> [String] {
        switch result.body {
        case .activations:
            return [
                "“Saturated” counts activations within 1% of the output range of a bound: sigmoid below 0.01 or above 0.99; tanh, softsign and erf beyond ±0.98. It is shown only for bounded activations.",
                "“Exactly 0” is shown for the ReLU family only. Standard deviations are population values over every unit and sample of the batch.",
                "“Outside bins” counts values below or above the shared histogram range and non-finite values; they are not drawn, and the figure notes them.",
            ]
        }
    }
}
