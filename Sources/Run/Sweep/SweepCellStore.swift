import ExperimentKinds
import Spec

/// Where a sweep keeps finished cells, so an interrupted sweep resumes without recomputing
/// them. Implemented at the edge (Workflow) with files.
public protocol SweepCellStore: Sendable {
    /// The key of a cell's stored value: it must cover everything the value depends on, the
    /// cell's resolved spec and the metric measured included (one store serves sweeps of
    /// different metrics over the same cells).
    func key(for cell: ExperimentSpec, metric: SweepMetric) -> String
    /// A finished cell's metric, or nil (missing or failing its integrity check).
    func load(key: String) -> SweepCellStoreEntry?
    /// Stores a finished cell. A failure only costs a recomputation on resume, so it does not
    /// stop the sweep; the store reports it where its owner can see it.
    func save(key: String, entry: SweepCellStoreEntry)
    /// The key of values computed by a pure function that `description` names with all its
    /// arguments (the code is part of the key, so another build recomputes).
    func key(forComputation description: String) -> String
    /// Stored values of a computation, or nil (missing or failing its integrity check).
    func loadValues(key: String) -> [Double]?
    /// Stores a computation's values; like `save`, a failure only costs a recomputation.
    func saveValues(_ values: [Double], key: String)
}

/// What a finished sweep cell reports.
public struct SweepCellStoreEntry: Sendable, Equatable {
    public let value: Double
    public let divergedRuns: Int

    public init(value: Double, divergedRuns: Int) {
        self.value = value
        self.divergedRuns = divergedRuns
    }

    /// Equal values, NaN included (a NaN metric read back is the same result).
    public static func == (lhs: SweepCellStoreEntry, rhs: SweepCellStoreEntry) -> Bool {
        (lhs.value == rhs.value || lhs.value.isNaN && rhs.value.isNaN) && lhs.divergedRuns == rhs.divergedRuns
    }
}
