import ExperimentKinds
import JSON

/// Everything an experiment computed: a pure value, written as results.json.
///
/// Holds no wall-clock time and nothing about the machine, so the same spec and seed give a
/// byte-identical results.json; timings and provenance live in the manifest.
public struct ExperimentResult: Sendable, Equatable {
    public enum Body: Sendable, Equatable {
        case activations(ActivationsResult)
        case training(TrainingResult)
        case meanField(MeanFieldResult)
        case jacobian(JacobianResult)
        case sweep(SweepResult)
    }

    public let experimentID: String
    public let seed: UInt64
    public let body: Body

    public init(experimentID: String, seed: UInt64, body: Body) {
        self.experimentID = experimentID
        self.seed = seed
        self.body = body
    }

    public var kind: ExperimentKind {
        switch body {
        case .activations: .activations
        case .training: .training
        case .meanField: .meanField
        case .jacobian: .jacobian
        case .sweep: .sweep
        }
    }

    /// Version of the results.json layout.
    public static let formatVersion = 1

    /// The results.json document.
    public var json: JSONValue {
        var object: JSONObject = [
            "format_version": .integer(Self.formatVersion),
            "experiment": .string(experimentID),
            "kind": .string(kind.rawValue),
            "seed": .integer(seed),
        ]
        switch body {
        case .activations(let result): object["activations"] = result.json
        case .training(let result): object["training"] = result.json
        case .meanField(let result): object["meanfield"] = result.json
        case .jacobian(let result): object["jacobian"] = result.json
        case .sweep(let result): object["sweep"] = result.json
        }
        return .object(object)
    }

    /// Every array of the result with a stable name, for per-array hashes in the manifest.
    public var arrays: [NamedArray] {
        switch body {
        case .activations(let result): result.arrays
        case .training(let result): result.arrays
        case .meanField(let result): result.arrays
        case .jacobian(let result): result.arrays
        case .sweep(let result): result.arrays
        }
    }
}
