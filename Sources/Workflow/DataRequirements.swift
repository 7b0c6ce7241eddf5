import Datasets
import Foundation
import Spec

/// The data files an experiment reads, hashed before it runs: they enter the cache key and the
/// provenance, and a missing data set stops the run before anything is computed.
enum DataRequirements {
    static func files(for spec: ExperimentSpec, path: String, root: URL) throws -> [DataFile] {
        var sources: [DataSource] = []
        switch spec.body {
        case .training(let experiment): sources = [experiment.data]
        case .sweep(let sweep):
            for cell in sweep.cells where !sources.contains(cell.training.data) { sources.append(cell.training.data) }
        case .activations, .meanField, .jacobian: break
        }
        do {
            return try sources.flatMap { source throws(DatasetError) in
                try DatasetLoader.fingerprints(for: source, root: root)
            }
        } catch {
            throw WorkflowError("\(path): \(error)")
        }
    }
}
