import AtomicFiles
import Datasets
import Foundation
import Hashing
import JSON
import Report
import Run
import Spec

/// Finished sweep cells as small JSON files under `.cache/sweeps/`, named by a key that covers
/// the cell's resolved spec, the code and the data. Each file carries a checksum of its content;
/// a file that fails it (or does not parse) is ignored and the cell recomputed. Files are
/// written with a rename, so a killed sweep never leaves a half-written cell.
struct FileCellStore: SweepCellStore {
    let directory: URL
    let dataRoot: URL

    func key(for cell: ExperimentSpec) -> String {
        let data = (try? DataRequirements.files(for: cell, path: cell.file, root: dataRoot)) ?? []
        return CacheKey.cell(spec: cell, metric: "", dataHashes: data.map(\.sha256))
    }

    func load(key: String) -> SweepCellStoreEntry? {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent(key + ".json")),
            let value = try? JSONParser.parse(String(decoding: data, as: UTF8.self)).value,
            case .string(let storedKey)? = value.value(at: JSONPointer(["key"])), storedKey == key,
            case .number(let metric)? = value.value(at: JSONPointer(["value"])),
            case .number(let diverged)? = value.value(at: JSONPointer(["diverged_runs"])),
            let divergedRuns = diverged.integer,
            case .string(let checksum)? = value.value(at: JSONPointer(["checksum"])),
            checksum == Self.checksum(key: key, value: metric.text, diverged: divergedRuns)
        else { return nil }
        return SweepCellStoreEntry(value: metric.double, divergedRuns: divergedRuns)
    }

    func save(key: String, entry: SweepCellStoreEntry) {
        let metric = JSONWriter.compact(
            entry.value.isFinite ? .double(entry.value) : .double(Double.greatestFiniteMagnitude))
        let object: JSONValue = [
            "key": .string(key), "value": .number(JSONNumber(text: metric)),
            "diverged_runs": .integer(entry.divergedRuns),
            "checksum": .string(Self.checksum(key: key, value: metric, diverged: entry.divergedRuns)),
        ]
        try? AtomicFile.write(
            Data(JSONWriter.pretty(object).utf8), to: directory.appendingPathComponent(key + ".json"))
    }

    static func checksum(key: String, value: String, diverged: Int) -> String {
        SHA256.hash("\(key)|\(value)|\(diverged)").hex
    }
}
