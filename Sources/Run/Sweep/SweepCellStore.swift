import Spec

/// Where a sweep keeps finished cells, so an interrupted sweep resumes without recomputing
/// them. Implemented at the edge (Workflow) with files; keys cover everything a cell depends on.
public protocol SweepCellStore: Sendable {
    func key(for cell: ExperimentSpec) -> String
    /// A finished cell's metric, or nil (missing or failing its integrity check).
    func load(key: String) -> SweepCellStoreEntry?
    func save(key: String, entry: SweepCellStoreEntry)
}

/// What a finished sweep cell reports.
public struct SweepCellStoreEntry: Sendable, Equatable {
    public let value: Double
    public let divergedRuns: Int

    public init(value: Double, divergedRuns: Int) {
        self.value = value
        self.divergedRuns = divergedRuns
    }
}
