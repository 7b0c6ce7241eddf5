import Results

/// The tables of an activations report.
enum ActivationsTables {
    static func summary(_ activations: ActivationsResult) -> ReportTable? {
        guard let depth = activations.variants.first?.layers.count else { return nil }
        return ReportTable(
            id: "table-summary", caption: "First and last layer at a glance.",
            headers: [
                "variant", "std, layer 1", "std, layer \(depth)", "saturated, layer \(depth)",
                "exactly 0, layer \(depth)",
            ],
            rows: activations.variants.compactMap { variant in
                guard let first = variant.layers.first, let last = variant.layers.last else { return nil }
                return [
                    variant.label, NumberFormat.significant(first.standardDeviation),
                    NumberFormat.significant(last.standardDeviation),
                    NumberFormat.percent(last.fractionSaturated), NumberFormat.percent(last.fractionZero),
                ]
            }, rowKeys: activations.variants.compactMap { $0.layers.isEmpty ? nil : $0.key })
    }

    static func details(_ activations: ActivationsResult) -> [ReportTable] {
        activations.variants.map { variant in
            ReportTable(
                id: "table-\(variant.key)",
                caption: "Variant “\(variant.label)”: activation statistics per layer over the whole batch"
                    + (variant.lsuvRescalings.map {
                        "; LSUV rescalings per layer: " + $0.map(String.init).joined(separator: ", ")
                    } ?? "") + ".",
                headers: [
                    "layer", "mean", "std", "min", "max", "saturated", "exactly 0", "pre-activation std",
                    "outside bins",
                ],
                rows: variant.layers.map { layer in
                    [
                        String(layer.layer), NumberFormat.significant(layer.mean),
                        NumberFormat.significant(layer.standardDeviation),
                        NumberFormat.significant(layer.minimum), NumberFormat.significant(layer.maximum),
                        NumberFormat.percent(layer.fractionSaturated), NumberFormat.percent(layer.fractionZero),
                        NumberFormat.significant(layer.preactivationStandardDeviation),
                        String(layer.belowRange + layer.aboveRange + layer.nonFinite),
                    ]
                })
        }
    }

    static func notes(_ activations: ActivationsResult) -> [String] {
        [
            "“Saturated” counts activations within 1% of the output range of a bound: sigmoid below 0.01 or above 0.99; tanh, softsign and erf beyond ±0.98. It is shown only for bounded activations.",
            "“Exactly 0” is shown for the ReLU family only. Standard deviations are population values over every unit and sample of the batch.",
            "“Outside bins” counts values below or above the shared histogram range and non-finite values; they are not drawn, and the figure notes them.",
        ]
    }
}
