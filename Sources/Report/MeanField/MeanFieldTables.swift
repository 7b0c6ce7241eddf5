import Results

/// The tables of a mean-field report.
enum MeanFieldTables {
    static func summary(_ theory: MeanFieldResult) -> ReportTable? {
        guard !theory.correlationCurves.isEmpty else { return nil }
        let depth = theory.correlationCurves[0].oneMinusC.count - 1
        let checkpoints = [10, 100, depth].filter { $0 <= depth }
        return ReportTable(
            id: "table-edge-of-chaos",
            caption:
                "Each activation on its edge of chaos: the critical weight variance, the fixed point q* and whether it repels, and 1 − c^l at a few depths.",
            headers: ["activation", "σb²", "critical σw²", "q*", "q* repels"]
                + checkpoints.map { "1 − c at l = \($0)" },
            rows: theory.correlationCurves.map { curve in
                [
                    curve.activation, NumberFormat.significant(curve.sigmaB2),
                    NumberFormat.significant(curve.sigmaW2, digits: 6),
                    NumberFormat.significant(curve.qStar, digits: 6), curve.repelling ? "yes" : "no",
                ]
                    + checkpoints.map { NumberFormat.significant(curve.oneMinusC[$0]) }
            },
            rowKeys: theory.correlationCurves.map {
                "\($0.activation.lowercased())-\(NumberFormat.significant($0.sigmaB2))"
            })
    }

    static func details(_ theory: MeanFieldResult) -> [ReportTable] {
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
    }

    static func notes(_ theory: MeanFieldResult) -> [String] {
        var notes = [
            "Conventions: W_ij ~ N(0, σw²/N), b_i ~ N(0, σb²); σw² and σb² are variances (inputs given as standard deviations are squared). Integrals use Gauss-Legendre quadrature split at 0 (in two dimensions, polar coordinates split at the kink lines), accurate to about 1e-8 or better."
        ]
        let repelling = theory.correlationCurves.filter(\.repelling)
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
    }
}
