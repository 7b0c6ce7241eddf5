import Foundation
import LinearAlgebra

/// The compute thread count: --threads, else INITLAB_THREADS, else the number of cores. It is set
/// for the numeric kernels and recorded in the provenance.
enum Threads {
    static func configure(_ requested: Int?) -> Int {
        if let requested { ComputeThreads.set(requested) }
        return ComputeThreads.count
    }
}
