import ExperimentKinds
import Network

/// Kind "meanfield": theory figures, each computed from its own section.
public struct MeanFieldExperiment: Sendable {
    public struct PhaseDiagram: Sendable {
        public let activation: Activation
        public let sigmaW2: ClosedRange<Double>
        public let sigmaB2: ClosedRange<Double>
        public let columns: Int
        public let rows: Int
        public let showsCorrelation: Bool
    }

    public struct DepthScales: Sendable {
        public let activation: Activation
        public let sigmaB2: Double
        public let sigmaW2: ClosedRange<Double>
        public let points: Int
    }

    public struct CorrelationDepth: Sendable {
        public let activations: [Activation]
        public let sigmaB2: [Double]
        public let c0: Double
        public let depth: Int
    }

    public struct Empirical: Sendable {
        public let activation: Activation
        public let sigmaW2: Double
        public let sigmaB2: Double
        public let width: Int
        public let depth: Int
        public let seeds: Int
        public let q0: Double
        public let c0: Double
    }

    public let phaseDiagram: PhaseDiagram?
    public let depthScales: DepthScales?
    public let correlationDepth: CorrelationDepth?
    public let empirical: Empirical?

    /// Whether the section a figure type is computed from is present.
    public func hasSection(for figure: MeanFieldFigureType) -> Bool {
        switch figure {
        case .phaseDiagram: phaseDiagram != nil
        case .depthScales: depthScales != nil
        case .correlationDepth: correlationDepth != nil
        case .empiricalMaps: empirical != nil
        }
    }

    /// The requested figures, each of which must have its section; absent, one figure per section.
    func figures(_ list: SpecReader?, at reader: SpecReader) throws(SpecError) -> [FigureRequest<MeanFieldFigureType>] {
        let figures = try FigureRequestReader.readAll(
            list, defaults: MeanFieldFigureType.allCases.filter(hasSection(for:)))
        for (index, figure) in figures.enumerated() where !hasSection(for: figure.type) {
            throw (list?.elements[index] ?? reader).error(
                "figure \"\(figure.type.rawValue)\" needs the section \"\(figure.type.section)\"")
        }
        return figures
    }

    /// A `[low, high]` range with low < high; `positive` variances exclude 0 and below, others
    /// only negative values. Split into `steps` equal steps, each must be representable.
    static func range(_ reader: SpecReader, positive: Bool, steps: Int, stepName: String) throws(SpecError)
        -> ClosedRange<Double>
    {
        let values = reader.elements.map(\.double)
        guard values[0] < values[1] else {
            throw reader.error("expected [low, high] with low < high, found [\(values[0]), \(values[1])]")
        }
        if positive ? values[0] <= 0 : values[0] < 0 {
            throw reader.error(
                "a variance range must start \(positive ? "above 0" : "at 0 or above"), found [\(values[0]), \(values[1])]"
            )
        }
        if let problem = GridSpacing.problem(low: values[0], high: values[1], steps: steps, stepName: stepName) {
            throw reader.error(problem)
        }
        return values[0]...values[1]
    }

    /// Reads the sections; at least one must be present.
    static func read(_ reader: SpecReader) throws(SpecError) -> MeanFieldExperiment {
        var phase: PhaseDiagram?
        var scales: DepthScales?
        var correlation: CorrelationDepth?
        var empirical: Empirical?
        if let section = reader["phase_diagram"] {
            let grid = section.member("grid").elements.map(\.int)
            phase = PhaseDiagram(
                activation: Activation(reading: section.member("activation")),
                sigmaW2: try range(section.member("sigma_w2"), positive: true, steps: grid[0], stepName: "grid column"),
                sigmaB2: try range(section.member("sigma_b2"), positive: false, steps: grid[1], stepName: "grid row"),
                columns: grid[0], rows: grid[1],
                showsCorrelation: section.member("color").string == "c-star")
        }
        if let section = reader["depth_scales"] {
            scales = DepthScales(
                activation: Activation(reading: section.member("activation")),
                sigmaB2: section.member("sigma_b2").double,
                sigmaW2: try range(
                    section.member("sigma_w2"), positive: true, steps: section.member("points").int - 1,
                    stepName: "point interval"),
                points: section.member("points").int)
        }
        if let section = reader["correlation_depth"] {
            correlation = CorrelationDepth(
                activations: section.member("activations").elements.map(Activation.init(reading:)),
                sigmaB2: section.member("sigma_b2").elements.map(\.double), c0: section.member("c0").double,
                depth: section.member("depth").int)
        }
        if let section = reader["empirical"] {
            empirical = Empirical(
                activation: Activation(reading: section.member("activation")),
                sigmaW2: section.member("sigma_w2").double,
                sigmaB2: section.member("sigma_b2").double, width: section.member("width").int,
                depth: section.member("depth").int, seeds: section.member("seeds").int,
                q0: section.member("q0").double, c0: section.member("c0").double)
        }
        guard phase != nil || scales != nil || correlation != nil || empirical != nil else {
            throw reader.error(
                "a meanfield experiment needs at least one of the sections "
                    + MeanFieldFigureType.allCases.map { "\"\($0.section)\"" }.joined(separator: ", "))
        }
        return MeanFieldExperiment(
            phaseDiagram: phase, depthScales: scales, correlationDepth: correlation, empirical: empirical)
    }
}
