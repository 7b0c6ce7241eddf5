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
        case .training(let training):
            let repeats = training.variants.first?.runs.count ?? 0
            return ReportTable(
                id: "table-final-metrics",
                caption: "Final metrics, mean ± sd over \(repeats) repeat\(repeats == 1 ? "" : "s"): training loss as the mean of the last 100 raw mini-batch losses (a single smoothed end value is too noisy to compare), accuracies after the last iteration.",
                headers: ["variant", "final training loss", "training accuracy", "test accuracy", "diverged"],
                rows: training.variants.map { variant in
                    let finished = variant.runs.filter { $0.log.divergedAt == nil }
                    let evaluations = finished.compactMap(\.log.evaluations.last)
                    return [variant.label, MeanAndSpread(variant.runs.map { $0.finalLoss() }).text(digits: 4),
                            MeanAndSpread(evaluations.map(\.trainAccuracy)).percentText,
                            MeanAndSpread(evaluations.map(\.testAccuracy)).percentText,
                            Self.divergence(variant.runs)]
                })
        }
    }

    static func divergence(_ runs: [TrainingResult.Run]) -> String {
        let diverged = runs.compactMap(\.log.divergedAt)
        guard !diverged.isEmpty else { return "no" }
        return "\(diverged.count) of \(runs.count), at iteration " + diverged.map(String.init).joined(separator: ", ")
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
        case .training(let training):
            let runs = ReportTable(
                id: "table-runs", caption: "Every run: variant and repeat (seed stream repeat/r).",
                headers: ["variant", "repeat", "final training loss", "training accuracy", "test accuracy", "test loss", "diverged at"],
                rows: training.variants.flatMap { variant in
                    variant.runs.map { run in
                        let last = run.log.divergedAt == nil ? run.log.evaluations.last : nil
                        return [variant.label, String(run.repeatIndex), NumberFormat.significant(run.finalLoss()),
                                NumberFormat.percent(last?.trainAccuracy), NumberFormat.percent(last?.testAccuracy),
                                last.map { NumberFormat.significant($0.testLoss) } ?? "–", run.log.divergedAt.map(String.init) ?? "–"]
                    }
                })
            let depth = training.variants.map(\.initial.preactivationVariances.count).max() ?? 0
            let initial = ReportTable(
                id: "table-initial", caption: "At initialization (repeat 0, probe batch): variance of each layer's affine output H, and the standard deviation of the back-propagated gradient dL/dH.",
                headers: ["variant", "quantity"] + (1...max(depth, 1)).map { "layer \($0)" },
                rows: training.variants.flatMap { variant in
                    [[variant.label, "Var H"] + variant.initial.preactivationVariances.map { NumberFormat.significant($0) },
                     [variant.label, "std dL/dH"] + variant.initial.gradientStandardDeviations.map { NumberFormat.significant($0) }]
                })
            return [runs] + (depth <= 12 ? [initial] : [])
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
        case .training(let training):
            return [
                "Data: \(training.dataSummary).",
                "A run diverges when its mini-batch loss or a parameter becomes NaN or infinite; it stops there, keeps its log up to that point, and the other runs go on.",
                "Accuracies use the first up to 10,000 training samples (evaluation_train_size) and the whole test split, in evaluation mode (batch normalization with running averages).",
            ]
        }
    }
}
