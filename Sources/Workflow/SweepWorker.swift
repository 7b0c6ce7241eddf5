import Foundation
import Run
import Spec

/// Computes sweep cells into a shared store: the body of `initlab sweep cell`, run by each
/// worker process of the `processes` backend and by each Slurm array task. A cell already
/// stored is skipped; a cell is published with write-to-temp + rename, so a killed worker never
/// leaves a file that reads as a result; a failed cell is recorded under the store's `failed/`
/// with its error and log, and the next cell is tried.
public enum SweepWorker {
    /// What to compute.
    public struct Request: Sendable {
        public var specPath: String
        /// Replaces the spec's root seed when set (as `initlab run --seed` does).
        public var seed: UInt64?
        public var store: SweepStore
        public var dataRoot: URL
        /// The cells to compute, by index; nil for every cell, each taken through a claim file.
        public var indices: [Int]?
        /// A folder of claim files shared by the workers of one run; a cell is computed by the
        /// one worker whose claim succeeds.
        public var claims: URL?
        /// The log file of this worker, recorded with a failure so `sweep status` can point to it.
        public var log: String?

        public init(specPath: String, seed: UInt64?, store: SweepStore, dataRoot: URL) {
            self.specPath = specPath
            self.seed = seed
            self.store = store
            self.dataRoot = dataRoot
        }
    }

    /// What a worker did.
    public struct Summary: Sendable {
        public var computed: [Int] = []
        /// Cells that were already stored (or claimed by another worker).
        public var skipped: [Int] = []
        public var failed: [SweepStore.Failure] = []
    }

    /// Loads the sweep of `path` (with `seed` replacing its own when set).
    static func sweep(path: String, seed: UInt64?, store: SweepStore, dataRoot: URL) throws -> SweepCells {
        var spec = try ExperimentWorkflow.validate(path: path)
        if let seed {
            do {
                spec = try spec.withSeed(seed)
            } catch {
                throw WorkflowError(error.description)
            }
        }
        guard let cells = SweepCells(spec, store: store.cells(dataRoot: dataRoot), dataRoot: dataRoot) else {
            throw WorkflowError("\(path): \"kind\" is \"\(spec.kind.rawValue)\", sweep commands need a sweep")
        }
        return cells
    }

    /// Computes the requested cells; throws only when the request itself is wrong (spec,
    /// indices), cell failures are in the summary.
    public static func run(_ request: Request, progress: RunProgress = .silent) throws -> Summary {
        let cells = try sweep(
            path: request.specPath, seed: request.seed, store: request.store, dataRoot: request.dataRoot)
        if let bad = request.indices?.first(where: { !(0..<cells.count).contains($0) }) {
            throw WorkflowError(
                "\(request.specPath): cell index \(bad) is out of range, the sweep has \(cells.count) cells (0 to \(cells.count - 1))"
            )
        }
        if let claims = request.claims {
            do {
                try FileManager.default.createDirectory(at: claims, withIntermediateDirectories: true)
            } catch {
                throw WorkflowError("\(claims.path): cannot create the claims folder: \(error.localizedDescription)")
            }
        }
        var summary = Summary()
        // Claiming workers take the largest cells first: a small one ends the sweep.
        let order = request.indices ?? (request.claims == nil ? Array(0..<cells.count) : cells.largestFirst)
        for index in order {
            let key = cells.keys[index]
            if cells.isStored(index) || request.claims.map({ !SweepStore.claim(key: key, in: $0) }) == true {
                summary.skipped.append(index)
                continue
            }
            do {
                try cells.compute(index, progress: progress)
                request.store.clearFailure(key: key)
                summary.computed.append(index)
            } catch {
                let failure = SweepStore.Failure(
                    key: key, index: index, experiment: cells.spec.id,
                    error:
                        "\(request.specPath): cell \(index) (\(cells.sweep.cells[index].spec.id)): \(error.description)",
                    log: request.log)
                try? request.store.recordFailure(failure)
                summary.failed.append(failure)
            }
        }
        return summary
    }
}
