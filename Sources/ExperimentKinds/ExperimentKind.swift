/// The kinds of experiment InitLab runs: the `kind` of a spec file.
///
/// Every layer handles each kind in a switch without a `default`, so adding a case here is a
/// compile error at every place that must learn about the new kind (the README's "Add an
/// experiment kind" lists the files).
public enum ExperimentKind: String, CaseIterable, Sendable, Hashable {
    /// Untrained networks: per-layer activation statistics on one input batch.
    case activations
    /// Networks trained by backpropagation on a data set.
    case training
    /// Mean-field theory of signal propagation.
    case meanField = "meanfield"
    /// Singular-value spectra of input-output Jacobians at initialization.
    case jacobian
    /// A grid of training experiments over two spec fields.
    case sweep

    /// The figure types this kind can draw, by their spec names, in documentation order.
    public var figureTypeNames: [String] {
        switch self {
        case .activations: ActivationsFigureType.allCases.map(\.rawValue)
        case .training: TrainingFigureType.allCases.map(\.rawValue)
        case .meanField: MeanFieldFigureType.allCases.map(\.rawValue)
        case .jacobian: JacobianFigureType.allCases.map(\.rawValue)
        case .sweep: SweepFigureType.allCases.map(\.rawValue)
        }
    }
}
