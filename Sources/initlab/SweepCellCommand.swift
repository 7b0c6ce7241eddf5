import ArgumentParser
import Foundation
import Workflow

/// `initlab sweep cell SPEC --store DIR --index I`: computes cells into the store (a worker of
/// the processes backend, a Slurm array task).
struct SweepCellCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cell",
        abstract: "Compute sweep cells into a store.",
        discussion:
            "A cell already in the store is skipped; a computed cell is published with write-to-temp + rename. A failed cell is recorded in the store (failed/) with its error and log, and the command exits non-zero."
    )

    @Argument(help: "The sweep spec file (JSON).")
    var spec: String

    @Option(help: "The sweep cell store (default: .cache/sweeps).")
    var store: String?

    @Option(help: "Cells to compute, by index: 7, or a list 1,3,5 (default: every cell).")
    var index: String?

    @Option(help: "A claims folder shared by workers: each cell is computed by the worker that claims it first.")
    var claims: String?

    @Option(help: "This process's log file, recorded with a failure.")
    var log: String?

    @Option(help: "Root seed replacing the spec's seed.")
    var seed: UInt64?

    @Option(help: "Compute threads (default: INITLAB_THREADS or the number of cores). Results do not depend on it.")
    var threads: Int?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if let index, Self.indices(index) == nil {
            throw ValidationError("--index must be a cell index or a comma-separated list of them, got \"\(index)\"")
        }
    }

    static func indices(_ text: String) -> [Int]? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
            Int($0.trimmingCharacters(in: .whitespaces))
        }
        guard !parts.isEmpty, parts.allSatisfy({ ($0 ?? -1) >= 0 }) else { return nil }
        return parts.compactMap { $0 }
    }

    func run() throws {
        _ = Threads.configure(threads)
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let folder = store.map { URL(fileURLWithPath: $0) } ?? SweepStore.standard(dataRoot: root).directory
        var request = SweepWorker.Request(
            specPath: spec, seed: seed, store: SweepStore(directory: folder), dataRoot: root)
        request.indices = index.flatMap(Self.indices)
        request.claims = claims.map { URL(fileURLWithPath: $0) }
        request.log = log
        let summary: SweepWorker.Summary
        do {
            summary = try SweepWorker.run(request)
        } catch {
            throw fail("\(error)")
        }
        for failure in summary.failed { note("initlab: \(failure.error)") }
        if !summary.failed.isEmpty { throw ExitCode.failure }
    }
}
