import Datasets
import Foundation
import Spec

/// The data files an experiment reads, hashed before it runs: they enter the cache key and the
/// provenance, and a missing data set stops the run before anything is computed.
enum DataRequirements {
    static func files(for spec: ExperimentSpec, path: String, root: URL) throws -> [DataFile] {
        guard case .training(let experiment) = spec.body else { return [] }
        do {
            return try DatasetLoader.fingerprints(for: experiment.data, root: root)
        } catch {
            throw WorkflowError("\(path): \(error.description)")
        }
    }
}
