import ArgumentParser
import Foundation
import Workflow

/// `--backend`: where `initlab run` computes a sweep's cells.
enum BackendName: String, ExpressibleByArgument, CaseIterable {
    case local
    case processes

    func backend(workers: Int?) -> SweepBackend {
        switch self {
        case .local: .local
        case .processes: .processes(workers: workers ?? ProcessInfo.processInfo.activeProcessorCount)
        }
    }
}
