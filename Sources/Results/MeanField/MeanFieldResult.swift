import JSON

/// The outcome of a "meanfield" experiment: one optional part per figure.
public struct MeanFieldResult: Sendable, Equatable {
    /// Values on the (sigma_w^2, sigma_b^2) grid: `values[row][column]`, rows along sigma_b^2.
    public struct PhaseDiagram: Sendable, Equatable {
        public let activation: String
        public let sigmaW2Edges: [Double]
        public let sigmaB2Edges: [Double]
        /// xi_c (or c*) at each cell centre; NaN where the variance map diverges.
        public let values: [[Double]]
        public let showsCorrelation: Bool
        /// The chi1 = 1 curve: (sigma_w^2, sigma_b^2) points.
        public let criticalLine: [(Double, Double)]

        public init(
            activation: String, sigmaW2Edges: [Double], sigmaB2Edges: [Double], values: [[Double]],
            showsCorrelation: Bool, criticalLine: [(Double, Double)]
        ) {
            self.activation = activation
            self.sigmaW2Edges = sigmaW2Edges
            self.sigmaB2Edges = sigmaB2Edges
            self.values = values
            self.showsCorrelation = showsCorrelation
            self.criticalLine = criticalLine
        }

        public static func == (lhs: PhaseDiagram, rhs: PhaseDiagram) -> Bool {
            lhs.activation == rhs.activation && lhs.sigmaW2Edges == rhs.sigmaW2Edges
                && lhs.sigmaB2Edges == rhs.sigmaB2Edges
                && lhs.values == rhs.values && lhs.criticalLine.map(\.0) == rhs.criticalLine.map(\.0)
                && lhs.criticalLine.map(\.1) == rhs.criticalLine.map(\.1)
        }
    }

    public struct DepthScales: Sendable, Equatable {
        public let activation: String
        public let sigmaB2: Double
        public let sigmaW2: [Double]
        public let xiC: [Double]
        public let xiQ: [Double]
        /// sigma_w^2 of the edge of chaos at this sigma_b^2, if any.
        public let critical: Double?

        public init(
            activation: String, sigmaB2: Double, sigmaW2: [Double], xiC: [Double], xiQ: [Double], critical: Double?
        ) {
            self.activation = activation
            self.sigmaB2 = sigmaB2
            self.sigmaW2 = sigmaW2
            self.xiC = xiC
            self.xiQ = xiQ
            self.critical = critical
        }
    }

    /// 1 - c^l against l for each (activation, sigma_b^2) on its edge of chaos.
    public struct CorrelationCurve: Sendable, Equatable {
        public let activation: String
        public let sigmaB2: Double
        public let sigmaW2: Double
        public let qStar: Double
        /// Whether q* repels there: a finite network would drift off this curve (drawn dashed).
        public let repelling: Bool
        /// The activation's edge of chaos is the single point sigma_b^2 = 0 (ReLU), so its curve
        /// belongs to every sigma_b^2 panel.
        public let singleCriticalPoint: Bool
        /// C in 1 - c^l ~ C / l^2, where the theory knows it (ReLU: 9 pi^2 / 2, Hayou et al. 2019).
        public let inverseSquareAsymptote: Double?
        public let oneMinusC: [Double]

        public init(
            activation: String, sigmaB2: Double, sigmaW2: Double, qStar: Double, repelling: Bool,
            singleCriticalPoint: Bool, inverseSquareAsymptote: Double?, oneMinusC: [Double]
        ) {
            self.activation = activation
            self.sigmaB2 = sigmaB2
            self.sigmaW2 = sigmaW2
            self.qStar = qStar
            self.repelling = repelling
            self.singleCriticalPoint = singleCriticalPoint
            self.inverseSquareAsymptote = inverseSquareAsymptote
            self.oneMinusC = oneMinusC
        }
    }

    public struct Empirical: Sendable, Equatable {
        public let activation: String
        public let width: Int
        public let seeds: Int
        public let predictedQ: [Double]
        public let predictedC: [Double]
        public let measuredQ: [Double]
        public let qStandardError: [Double]
        public let measuredC: [Double]
        public let cStandardError: [Double]
        /// Layers whose measured q is within 3 standard errors of the map.
        public let qWithinThreeErrors: Int

        public init(
            activation: String, width: Int, seeds: Int, predictedQ: [Double], predictedC: [Double], measuredQ: [Double],
            qStandardError: [Double], measuredC: [Double], cStandardError: [Double], qWithinThreeErrors: Int
        ) {
            self.activation = activation
            self.width = width
            self.seeds = seeds
            self.predictedQ = predictedQ
            self.predictedC = predictedC
            self.measuredQ = measuredQ
            self.qStandardError = qStandardError
            self.measuredC = measuredC
            self.cStandardError = cStandardError
            self.qWithinThreeErrors = qWithinThreeErrors
        }
    }

    public let phaseDiagram: PhaseDiagram?
    public let depthScales: DepthScales?
    public let correlationCurves: [CorrelationCurve]
    public let empirical: Empirical?

    public init(
        phaseDiagram: PhaseDiagram?, depthScales: DepthScales?, correlationCurves: [CorrelationCurve],
        empirical: Empirical?
    ) {
        self.phaseDiagram = phaseDiagram
        self.depthScales = depthScales
        self.correlationCurves = correlationCurves
        self.empirical = empirical
    }

    var json: JSONValue {
        var object = JSONObject()
        if let diagram = phaseDiagram {
            object["phase_diagram"] = [
                "activation": .string(diagram.activation),
                "quantity": .string(diagram.showsCorrelation ? "c_star" : "xi_c"),
                "sigma_w2_edges": ResultValue.numbers(diagram.sigmaW2Edges),
                "sigma_b2_edges": ResultValue.numbers(diagram.sigmaB2Edges),
                "values": .array(diagram.values.map(ResultValue.numbers)),
                "critical_line": .array(diagram.criticalLine.map { ResultValue.numbers([$0.0, $0.1]) }),
            ]
        }
        if let scales = depthScales {
            object["depth_scales"] = [
                "activation": .string(scales.activation), "sigma_b2": .double(scales.sigmaB2),
                "critical_sigma_w2": ResultValue.optional(scales.critical),
                "sigma_w2": ResultValue.numbers(scales.sigmaW2), "xi_c": ResultValue.numbers(scales.xiC),
                "xi_q": ResultValue.numbers(scales.xiQ),
            ]
        }
        if !correlationCurves.isEmpty {
            object["correlation_depth"] = .array(
                correlationCurves.map { curve in
                    [
                        "activation": .string(curve.activation), "sigma_b2": .double(curve.sigmaB2),
                        "sigma_w2": .double(curve.sigmaW2),
                        "q_star": .double(curve.qStar), "q_star_repels": .bool(curve.repelling),
                        "single_critical_point": .bool(curve.singleCriticalPoint),
                        "inverse_square_asymptote": ResultValue.optional(curve.inverseSquareAsymptote),
                        "one_minus_c": ResultValue.numbers(curve.oneMinusC),
                    ]
                })
        }
        if let empirical {
            object["empirical"] = [
                "activation": .string(empirical.activation), "width": .integer(empirical.width),
                "seeds": .integer(empirical.seeds),
                "predicted_q": ResultValue.numbers(empirical.predictedQ),
                "predicted_c": ResultValue.numbers(empirical.predictedC),
                "measured_q": ResultValue.numbers(empirical.measuredQ),
                "q_standard_error": ResultValue.numbers(empirical.qStandardError),
                "measured_c": ResultValue.numbers(empirical.measuredC),
                "c_standard_error": ResultValue.numbers(empirical.cStandardError),
                "layers_q_within_3_se": .integer(empirical.qWithinThreeErrors),
            ]
        }
        return .object(object)
    }

    var arrays: [NamedArray] {
        var arrays: [NamedArray] = []
        if let diagram = phaseDiagram {
            arrays.append(NamedArray(name: "phase_diagram/values", values: diagram.values.flatMap { $0 }))
        }
        if let scales = depthScales {
            arrays.append(NamedArray(name: "depth_scales/xi_c", values: scales.xiC + scales.xiQ))
        }
        for curve in correlationCurves {
            arrays.append(
                NamedArray(name: "correlation_depth/\(curve.activation)/\(curve.sigmaB2)", values: curve.oneMinusC))
        }
        if let empirical {
            arrays.append(
                NamedArray(
                    name: "empirical/measured",
                    values: empirical.measuredQ + empirical.measuredC + empirical.qStandardError
                        + empirical.cStandardError))
        }
        return arrays
    }
}
