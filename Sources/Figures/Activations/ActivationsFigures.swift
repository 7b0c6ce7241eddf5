import ExperimentKinds
import Results

/// The figures of an activations experiment.
enum ActivationsFigures {
    static func draft(_ request: FigureRequest<ActivationsFigureType>, _ result: ActivationsResult) -> FigureDraft {
        switch request.type {
        case .histograms: ActivationHistogramFigure.draft(result, size: request.size)
        case .layerStatistics: LayerStatisticsFigure.draft(result, size: request.size)
        }
    }
}
