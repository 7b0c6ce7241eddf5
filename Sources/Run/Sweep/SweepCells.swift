import Datasets
import ExperimentKinds
import Foundation
import Spec

/// What a sweep run does with a cell its store does not hold.
public enum MissingSweepCells: Sendable, Equatable {
    /// Computes it here (the `local` backend).
    case compute
    /// Lists it as missing in the result: a report gathered from a store that other processes
    /// or cluster jobs fill, which must not invent cells they did not finish.
    case report
}

/// The cells of one sweep, computed one at a time by a worker (a process of the `processes`
/// backend or a Slurm array task). Data sets loaded for one cell are kept for the next.
public final class SweepCells {
    public let spec: ExperimentSpec
    public let sweep: SweepExperiment
    /// Each cell's store key, in cell order.
    public let keys: [String]
    private let store: SweepCellStore
    private let dataRoot: URL
    private var loaded: [String: Dataset] = [:]

    /// Nil when `spec` is not a sweep.
    public init?(_ spec: ExperimentSpec, store: SweepCellStore, dataRoot: URL) {
        guard case .sweep(let sweep) = spec.body else { return nil }
        self.spec = spec
        self.sweep = sweep
        self.store = store
        self.dataRoot = dataRoot
        keys = sweep.cells.map { store.key(for: $0.spec, metric: sweep.metric) }
    }

    public var count: Int { sweep.cells.count }

    /// A cell's work, roughly: multiply-adds of its training runs, with the input and output
    /// layers counted as one unit wide (enough to rank cells). Workers take the largest cells
    /// first, so the last cell to finish is a small one and no core idles long at the end.
    public func estimatedCost(_ index: Int) -> Double {
        let training = sweep.cells[index].training
        let perStep = training.variants.reduce(0.0) { total, variant in
            let widths = variant.network.widths
            let products = zip(widths, widths.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 } + (widths.last ?? 0)
            return total + Double(products + (widths.first ?? 0))
        }
        return perStep * Double(training.repeats * training.iterations * training.batchSize)
    }

    /// Every cell index, the largest estimated cost first (ties in cell order).
    public var largestFirst: [Int] {
        let costs = (0..<count).map(estimatedCost)
        return (0..<count).sorted { costs[$0] > costs[$1] || costs[$0] == costs[$1] && $0 < $1 }
    }

    /// Whether the store holds cell `index` (a valid file: a half-written one never counts).
    public func isStored(_ index: Int) -> Bool { store.load(key: keys[index]) != nil }

    /// Computes cell `index` and stores it (unless the store already holds it); true when it
    /// was computed here.
    @discardableResult
    public func compute(_ index: Int, progress: RunProgress = .silent) throws(RunError) -> Bool {
        if isStored(index) { return false }
        _ = try SweepRun.compute(
            [index], sweep: sweep, spec: spec, keys: keys, dataRoot: dataRoot, store: store, progress: progress,
            loaded: &loaded)
        return true
    }
}
