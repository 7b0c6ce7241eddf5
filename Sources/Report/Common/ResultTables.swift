import Results

/// The tables of a report: a summary table, detailed tables and the notes that define their
/// terms, each from the kind's own tables.
enum ResultTables {
    /// A short comparison of the variants, shown in the summary.
    static func summary(for result: ExperimentResult) -> ReportTable? {
        switch result.body {
        case .activations(let activations): ActivationsTables.summary(activations)
        case .training(let training): TrainingTables.summary(training)
        case .meanField(let theory): MeanFieldTables.summary(theory)
        case .jacobian(let jacobian): JacobianTables.summary(jacobian)
        case .sweep(let sweep): SweepTables.summary(sweep)
        }
    }

    /// The detailed statistics tables.
    static func details(for result: ExperimentResult) -> [ReportTable] {
        switch result.body {
        case .activations(let activations): ActivationsTables.details(activations)
        case .training(let training): TrainingTables.details(training)
        case .meanField(let theory): MeanFieldTables.details(theory)
        case .jacobian: []
        case .sweep: []
        }
    }

    /// Definitions the tables rely on.
    static func notes(for result: ExperimentResult) -> [String] {
        switch result.body {
        case .activations(let activations): ActivationsTables.notes(activations)
        case .training(let training): TrainingTables.notes(training)
        case .meanField(let theory): MeanFieldTables.notes(theory)
        case .jacobian(let jacobian): JacobianTables.notes(jacobian)
        case .sweep(let sweep): SweepTables.notes(sweep)
        }
    }
}
