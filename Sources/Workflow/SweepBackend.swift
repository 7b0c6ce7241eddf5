import Foundation

/// Where a sweep's cells are computed; the spec says what to compute, the command line where.
/// Every backend gives the same results.json and figure bytes: a cell's value depends only on its
/// resolved spec, whichever process computes it.
public enum SweepBackend: Sendable, Equatable {
    /// In this process, one training run per compute thread (the default).
    case local
    /// `workers` processes of `initlab sweep cell` on this machine, each taking cells one at a
    /// time through claim files, so a wide sweep uses every core even when one cell cannot.
    case processes(workers: Int)
}
