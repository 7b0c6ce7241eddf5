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
                headers: [
                    "variant", "std, layer 1", "std, layer \(depth)", "saturated, layer \(depth)",
                    "exactly 0, layer \(depth)",
                ],
                rows: activations.variants.map { variant in
                    let first = variant.layers.first!
                    let last = variant.layers.last!
                    return [
                        variant.label, NumberFormat.significant(first.standardDeviation),
                        NumberFormat.significant(last.standardDeviation),
                        NumberFormat.percent(last.fractionSaturated), NumberFormat.percent(last.fractionZero),
                    ]
                })
        case .training(let training):
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
                })
        case .meanField, .jacobian, .sweep:
            return theorySummary(result)
        }
    }

    static func theorySummary(_ result: ExperimentResult) -> ReportTable? {
        switch result.body {
        case .meanField(let theory):
            guard !theory.correlationCurves.isEmpty else { return nil }
            let depth = theory.correlationCurves[0].oneMinusC.count - 1
            let checkpoints = [10, 100, depth].filter { $0 <= depth }
            return ReportTable(
                id: "table-edge-of-chaos",
                caption:
                    "Each activation on its edge of chaos: the critical weight variance, the fixed point q* and whether it attracts, and 1 − c^l at a few depths.",
                headers: ["activation", "σb²", "critical σw²", "q*", "q* attracting"]
                    + checkpoints.map { "1 − c at l = \($0)" },
                rows: theory.correlationCurves.map { curve in
                    [
                        curve.activation, NumberFormat.significant(curve.sigmaB2),
                        NumberFormat.significant(curve.sigmaW2, digits: 6),
                        NumberFormat.significant(curve.qStar, digits: 6), curve.attracting ? "yes" : "no (repelling)",
                    ]
                        + checkpoints.map { NumberFormat.significant(curve.oneMinusC[$0]) }
                })
        case .jacobian(let jacobian):
            return ReportTable(
                id: "table-spectra",
                caption:
                    "Moments of the J Jᵀ spectrum (squared singular values): measured on one network of width \(jacobian.width) against the free-probability prediction.",
                headers: ["network", "σw²", "χ1", "depth", "mean", "predicted mean", "variance", "predicted variance"],
                rows: jacobian.variants.flatMap { variant in
                    variant.spectra.map { spectrum in
                        [
                            variant.label, NumberFormat.significant(variant.sigmaW2, digits: 6),
                            NumberFormat.significant(variant.chi1, digits: 6),
                            String(spectrum.depth), NumberFormat.significant(spectrum.mean),
                            NumberFormat.significant(spectrum.predictedMean),
                            NumberFormat.significant(spectrum.variance),
                            NumberFormat.significant(spectrum.predictedVariance),
                        ]
                    }
                })
        case .sweep(let sweep):
            return ReportTable(
                id: "table-sweep",
                caption:
                    "\(sweep.metric.replacingOccurrences(of: "_", with: " ")) of every cell (rows: \(sweep.yLabel); columns: \(sweep.xLabel)).",
                headers: [sweep.yLabel + " \\ " + sweep.xLabel] + sweep.xValues.map { NumberFormat.significant($0) },
                rows: sweep.yValues.enumerated().map { row, y in
                    [NumberFormat.significant(y)]
                        + sweep.xValues.indices.map { column in
                            let cell = sweep.cells.first { $0.xIndex == column && $0.yIndex == row }
                            return cell.map {
                                NumberFormat.significant($0.value, digits: 3) + ($0.divergedRuns > 0 ? " (div.)" : "")
                            } ?? "–"
                        }
                })
        default:
            return nil
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
        case .training(let training):
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
        case .meanField(let theory):
            guard let empirical = theory.empirical else { return [] }
            return [
                ReportTable(
                    id: "table-empirical",
                    caption:
                        "Finite networks (width \(empirical.width), \(empirical.seeds) seeds) against the maps: q^l and c^l per layer, mean ± standard error over seeds.",
                    headers: ["layer", "q (map)", "q (measured)", "within 3 SE", "c (map)", "c (measured)"],
                    rows: empirical.predictedQ.indices.map { layer in
                        let within =
                            abs(empirical.measuredQ[layer] - empirical.predictedQ[layer]) <= 3
                            * empirical.qStandardError[layer]
                        return [
                            String(layer + 1), NumberFormat.significant(empirical.predictedQ[layer], digits: 6),
                            NumberFormat.significant(empirical.measuredQ[layer], digits: 6) + " ± "
                                + NumberFormat.significant(empirical.qStandardError[layer], digits: 2),
                            within ? "yes" : "no", NumberFormat.significant(empirical.predictedC[layer], digits: 6),
                            NumberFormat.significant(empirical.measuredC[layer], digits: 6) + " ± "
                                + NumberFormat.significant(empirical.cStandardError[layer], digits: 2),
                        ]
                    })
            ]
        case .jacobian, .sweep:
            return []
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
        case .meanField(let theory):
            var notes = [
                "Conventions: W_ij ~ N(0, σw²/N), b_i ~ N(0, σb²); σw² and σb² are variances (inputs given as standard deviations are squared). Integrals use Gauss-Legendre quadrature split at 0 (in two dimensions, polar coordinates split at the kink lines), accurate to about 1e-8 or better."
            ]
            let repelling = theory.correlationCurves.filter { !$0.attracting }
            if !repelling.isEmpty {
                notes.append(
                    "On the edge of chaos the variance fixed point q* REPELS for "
                        + repelling.map { "\($0.activation) at σb² = \(NumberFormat.significant($0.sigmaB2))" }.joined(
                            separator: ", ")
                        + ": a finite network started at q* drifts away from it, so these curves describe a state a real network does not stay in (as Hayou et al. note for swish and GELU at small σb²)."
                )
            }
            if let empirical = theory.empirical {
                notes.append(
                    "In \(empirical.qWithinThreeErrors) of \(empirical.predictedQ.count) layers the measured q^l lies within 3 standard errors of the map."
                )
            }
            return notes
        case .jacobian:
            return [
                "Predictions (Pennington, Schoenholz & Ganguli 2017): mean χ1^L, and variance / mean² = L (μ2/μ1² − 1 − s1) with μk = E[φ'(h)^(2k)] at q*, s1 = −1 for Gaussian and 0 for orthogonal weights. A \"critical\" weight variance puts the network on its edge of chaos for the given σb². The networks are probed at the variance fixed point q*; where it is 0 (ReLU without bias keeps any variance on its critical line), at q = 1, which does not change a ReLU spectrum."
            ]
        case .sweep(let sweep):
            return [
                "Each cell is an independent training experiment keyed by the SHA-256 of its resolved spec; \(sweep.reusedCells) of \(sweep.cells.count) cells came from the sweep's cell store (.cache/sweeps), the others were computed in this run. A diverged run counts as chance accuracy."
            ]
        }
    }
}
