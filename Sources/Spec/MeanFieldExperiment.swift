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

    /// The figure types whose sections are present (the default figures).
    public var availableFigureTypes: [String] {
        [
            ("phase-diagram", phaseDiagram != nil), ("depth-scales", depthScales != nil),
            ("correlation-depth", correlationDepth != nil), ("empirical-maps", empirical != nil),
        ].filter(\.1).map(\.0)
    }

    static func range(_ reader: SpecReader) throws(SpecError) -> ClosedRange<Double> {
        let values = reader.elements.map(\.double)
        guard values[0] < values[1] else {
            throw reader.error("expected [low, high] with low < high, found [\(values[0]), \(values[1])]")
        }
        return values[0]...values[1]
    }

    /// Reads the sections; explicitly requested figures must have theirs.
    static func read(_ reader: SpecReader, figures: [FigureSpec]) throws(SpecError) -> MeanFieldExperiment {
        var phase: PhaseDiagram?
        var scales: DepthScales?
        var correlation: CorrelationDepth?
        var empirical: Empirical?
        if let section = reader["phase_diagram"] {
            let grid = section.member("grid").elements.map(\.int)
            phase = PhaseDiagram(
                activation: Activation(reading: section.member("activation")),
                sigmaW2: try range(section.member("sigma_w2")),
                sigmaB2: try range(section.member("sigma_b2")), columns: grid[0], rows: grid[1],
                showsCorrelation: section.member("color").string == "c-star")
        }
        if let section = reader["depth_scales"] {
            scales = DepthScales(
                activation: Activation(reading: section.member("activation")),
                sigmaB2: section.member("sigma_b2").double,
                sigmaW2: try range(section.member("sigma_w2")), points: section.member("points").int)
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
        let sections = [
            "phase-diagram": phase != nil, "depth-scales": scales != nil, "correlation-depth": correlation != nil,
            "empirical-maps": empirical != nil,
        ]
        for figure in figures where sections[figure.type] == false && reader.has("figures") {
            throw reader.error(
                "figure \"\(figure.type)\" needs the section \"\(figure.type.replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: "_maps", with: ""))\""
            )
        }
        return MeanFieldExperiment(
            phaseDiagram: phase, depthScales: scales, correlationDepth: correlation, empirical: empirical)
    }
}

/// Kind "jacobian": spectra of input-output Jacobians at initialization.
public struct JacobianExperiment: Sendable {
    public struct Variant: Sendable {
        public let key: String
        public let label: String
        public let activation: Activation
        public let orthogonal: Bool
        /// nil: on the edge of chaos for `sigmaB2`.
        public let sigmaW2: Double?
        public let sigmaB2: Double
    }

    public let width: Int
    public let depths: [Int]
    public let bins: Int
    public let variants: [Variant]

    static func read(_ reader: SpecReader) throws(SpecError) -> JacobianExperiment {
        var variants: [Variant] = []
        for item in reader.member("variants").elements {
            let label = item.member("label").string
            let key = item["key"]?.string ?? Spec.Variant.slug(label)
            if variants.contains(where: { $0.key == key }) {
                throw (item["key"] ?? item.member("label")).error("variant key \"\(key)\" is used twice")
            }
            let weight = item.member("sigma_w2")
            variants.append(
                Variant(
                    key: key, label: label, activation: Activation(reading: item.member("activation")),
                    orthogonal: item.member("weights").string == "orthogonal",
                    sigmaW2: weight.isString ? nil : weight.double, sigmaB2: item.member("sigma_b2").double))
        }
        return JacobianExperiment(
            width: reader.member("width").int, depths: reader.member("depths").elements.map(\.int).sorted(),
            bins: reader.member("bins").int, variants: variants)
    }
}
