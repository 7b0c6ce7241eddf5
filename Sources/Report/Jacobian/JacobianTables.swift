import Results

/// The tables of a Jacobian-spectrum report.
enum JacobianTables {
    static func summary(_ jacobian: JacobianResult) -> ReportTable? {
        ReportTable(
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
            }, rowKeys: jacobian.variants.flatMap { variant in variant.spectra.map { "\(variant.key)-\($0.depth)" } })
    }

    static func notes(_ jacobian: JacobianResult) -> [String] {
        [
            "Predictions (Pennington, Schoenholz & Ganguli 2017): mean χ1^L, and variance / mean² = L (μ2/μ1² − 1 − s1) with μk = E[φ'(h)^(2k)] at q*, s1 = −1 for Gaussian and 0 for orthogonal weights. A \"critical\" weight variance puts the network on its edge of chaos for the given σb². The networks are probed at the variance fixed point q*; where it is 0 (ReLU without bias keeps any variance on its critical line), at q = 1, which does not change a ReLU spectrum."
        ]
    }
}
