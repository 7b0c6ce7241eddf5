import Results

/// The tables of a training report.
enum TrainingTables {
    static func summary(_ training: TrainingResult) -> ReportTable? {
        let repeats = training.variants.first?.runs.count ?? 0
        return ReportTable(
            id: "table-final-metrics",
            caption:
                "Final metrics, mean ± sd over \(repeats) repeat\(repeats == 1 ? "" : "s"): training loss as the mean of the last 100 raw mini-batch losses (a single smoothed end value is too noisy to compare), accuracies after the last iteration.",
            headers: ["variant", "final training loss", "training accuracy", "test accuracy", "diverged"],
            rows: training.variants.map { variant in
                let finished = variant.runs.filter { $0.log.divergedAt == nil }
                let evaluations = finished.compactMap(\.log.evaluations.last)
                return [
                    variant.label, MeanAndSpread(variant.runs.map { $0.finalLoss() }).text(digits: 4),
                    MeanAndSpread(evaluations.map(\.trainAccuracy)).percentText,
                    MeanAndSpread(evaluations.map(\.testAccuracy)).percentText,
                    Self.divergence(variant.runs),
                ]
            }, rowKeys: training.variants.map(\.key))
    }

    static func details(_ training: TrainingResult) -> [ReportTable] {
        let runs = ReportTable(
            id: "table-runs", caption: "Every run: variant and repeat (seed stream repeat/r).",
            headers: [
                "variant", "repeat", "final training loss", "training accuracy", "test accuracy", "test loss",
                "diverged at",
            ],
            rows: training.variants.flatMap { variant in
                variant.runs.map { run in
                    let last = run.log.divergedAt == nil ? run.log.evaluations.last : nil
                    return [
                        variant.label, String(run.repeatIndex), NumberFormat.significant(run.finalLoss()),
                        NumberFormat.percent(last?.trainAccuracy), NumberFormat.percent(last?.testAccuracy),
                        last.map { NumberFormat.significant($0.testLoss) } ?? "–",
                        run.log.divergedAt.map(String.init) ?? "–",
                    ]
                }
            })
        let depth = training.variants.map(\.initial.preactivationVariances.count).max() ?? 0
        let initial = ReportTable(
            id: "table-initial",
            caption:
                "At initialization (repeat 0, probe batch): variance of each layer's affine output H, and the standard deviation of the back-propagated gradient dL/dH.",
            headers: ["variant", "quantity"] + (1...max(depth, 1)).map { "layer \($0)" },
            rows: training.variants.flatMap { variant in
                [
                    [variant.label, "Var H"]
                        + variant.initial.preactivationVariances.map { NumberFormat.significant($0) },
                    [variant.label, "std dL/dH"]
                        + variant.initial.gradientStandardDeviations.map { NumberFormat.significant($0) },
                ]
            })
        return [runs] + (depth <= 12 ? [initial] : [])
    }

    static func notes(_ training: TrainingResult) -> [String] {
        [
            "Data: \(training.dataSummary).",
            "A run diverges when its mini-batch loss or a parameter becomes NaN or infinite; it stops there, keeps its log up to that point, and the other runs go on.",
            "Accuracies use the first \(training.evaluationTrainSamples) training samples (evaluation_train_size) and the whole test split, in evaluation mode (batch normalization with running averages).",
        ]
    }

    static func divergence(_ runs: [TrainingResult.RepeatRun]) -> String {
        let diverged = runs.compactMap(\.log.divergedAt)
        guard !diverged.isEmpty else { return "no" }
        return "\(diverged.count) of \(runs.count), at iteration " + diverged.map(String.init).joined(separator: ", ")
    }
}
