import AtomicFiles
import Foundation
import JSON

/// A sweep store folder shared by every process that computes cells (the workers of the
/// `processes` backend, Slurm array tasks on any node): finished cells as `<key>.json` (see
/// `FileCellStore`), failures under `failed/`, one-run claim folders under `claims/`, and what
/// `sweep submit` writes under `jobs/<experiment id>/`.
public struct SweepStore: Sendable {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    /// The store a run uses when none is named: `.cache/sweeps` under the data root.
    public static func standard(dataRoot: URL) -> SweepStore {
        SweepStore(directory: dataRoot.appendingPathComponent(".cache/sweeps"))
    }

    func cells(dataRoot: URL, warning: @escaping @Sendable (String) -> Void = { _ in }) -> FileCellStore {
        FileCellStore(directory: directory, dataRoot: dataRoot, warning: warning)
    }

    /// Why a cell could not be computed, where its log is, and which cell it was.
    public struct Failure: Sendable, Equatable {
        public let key: String
        public let index: Int
        public let experiment: String
        public let error: String
        /// The log of the process that failed, when it had one of its own (a Slurm task).
        public let log: String?
    }

    var failedDirectory: URL { directory.appendingPathComponent("failed") }

    func failureFile(key: String) -> URL { failedDirectory.appendingPathComponent(key + ".json") }

    func recordFailure(_ failure: Failure) throws(FileSystemError) {
        let object: JSONValue = [
            "key": .string(failure.key), "index": .integer(failure.index), "experiment": .string(failure.experiment),
            "error": .string(failure.error), "log": failure.log.map { .string($0) } ?? .null,
        ]
        try AtomicFile.write(Data(JSONWriter.pretty(object).utf8), to: failureFile(key: failure.key))
    }

    func clearFailure(key: String) {
        try? FileManager.default.removeItem(at: failureFile(key: key))
    }

    /// The recorded failure of the cell with `key`, if any (an unreadable record counts as none).
    public func failure(key: String) -> Failure? {
        guard let data = try? Data(contentsOf: failureFile(key: key)),
            let value = try? JSONParser.parse(String(decoding: data, as: UTF8.self)).value,
            case .string(let stored)? = value.value(at: JSONPointer(["key"])), stored == key,
            case .number(let index)? = value.value(at: JSONPointer(["index"])), let index = index.integer,
            case .string(let experiment)? = value.value(at: JSONPointer(["experiment"])),
            case .string(let error)? = value.value(at: JSONPointer(["error"]))
        else { return nil }
        var log: String?
        if case .string(let path)? = value.value(at: JSONPointer(["log"])) { log = path }
        return Failure(key: key, index: index, experiment: experiment, error: error, log: log)
    }

    /// Takes cell `key` for this run of workers: true for exactly one of the processes that ask
    /// (O_EXCL on a claim file), also across nodes of a shared file system.
    static func claim(key: String, in claims: URL) -> Bool {
        let path = claims.appendingPathComponent(key).path
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        close(descriptor)
        return true
    }
}
