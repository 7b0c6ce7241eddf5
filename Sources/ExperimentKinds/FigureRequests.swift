/// The figures an experiment asks for, typed by its kind, in the order the spec lists them.
public enum FigureRequests: Sendable, Hashable {
    case activations([FigureRequest<ActivationsFigureType>])
    case training([FigureRequest<TrainingFigureType>])
    case meanField([FigureRequest<MeanFieldFigureType>])
    case jacobian([FigureRequest<JacobianFigureType>])
    case sweep([FigureRequest<SweepFigureType>])

    public var kind: ExperimentKind {
        switch self {
        case .activations: .activations
        case .training: .training
        case .meanField: .meanField
        case .jacobian: .jacobian
        case .sweep: .sweep
        }
    }

    /// The figure names (`fig-<experiment>-<name>`), in order.
    public var names: [String] {
        switch self {
        case .activations(let requests): requests.map(\.name)
        case .training(let requests): requests.map(\.name)
        case .meanField(let requests): requests.map(\.name)
        case .jacobian(let requests): requests.map(\.name)
        case .sweep(let requests): requests.map(\.name)
        }
    }

    public var count: Int { names.count }
}
