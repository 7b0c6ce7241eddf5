import AtomicFiles
import Datasets
import ExperimentKinds
import Foundation
import Hashing
import JSON
import Results
import Run
import Spec

/// Finished sweep cells as small JSON files under `.cache/sweeps/`, named by a key that covers
/// the cell's resolved spec, the metric, the code and the data. Each file carries a checksum of
/// its content; a file that fails it (or does not parse) is ignored and the cell recomputed.
/// Files are written durably with a rename, so a killed sweep never leaves a half-written cell;
/// a failed write is reported through `warning` (the sweep goes on, but cannot resume from it).
struct FileCellStore: SweepCellStore {
    let directory: URL
    let dataRoot: URL
    var warning: @Sendable (String) -> Void = { _ in }

    func key(for cell: ExperimentSpec, metric: SweepMetric) -> String {
        let data = (try? DataRequirements.files(for: cell, path: cell.file, root: dataRoot)) ?? []
        return CacheKey.cell(spec: cell, metric: metric.rawValue, dataHashes: data.map(\.sha256))
    }

    func load(key: String) -> SweepCellStoreEntry? {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent(key + ".json")),
            let value = try? JSONParser.parse(String(decoding: data, as: UTF8.self)).value,
            case .string(let storedKey)? = value.value(at: JSONPointer(["key"])), storedKey == key,
            let stored = value.value(at: JSONPointer(["value"])), let metric = Self.number(stored),
            case .number(let diverged)? = value.value(at: JSONPointer(["diverged_runs"])),
            let divergedRuns = diverged.integer,
            case .string(let checksum)? = value.value(at: JSONPointer(["checksum"])),
            checksum == Self.checksum(key: key, value: JSONWriter.compact(stored), diverged: divergedRuns)
        else { return nil }
        return SweepCellStoreEntry(value: metric, divergedRuns: divergedRuns)
    }

    func save(key: String, entry: SweepCellStoreEntry) {
        // Non-finite metrics (a diverged loss) are stored as results.json writes them, so a
        // resumed sweep has the same results as an uninterrupted one.
        let metric = ResultValue.number(entry.value)
        let object: JSONValue = [
            "key": .string(key), "value": metric,
            "diverged_runs": .integer(entry.divergedRuns),
            "checksum": .string(
                Self.checksum(key: key, value: JSONWriter.compact(metric), diverged: entry.divergedRuns)),
        ]
        let file = directory.appendingPathComponent(key + ".json")
        do {
            try AtomicFile.write(Data(JSONWriter.pretty(object).utf8), to: file)
        } catch {
            warning("sweep cell not stored, so a resumed sweep will compute it again: \(error)")
        }
    }

    func key(forComputation description: String) -> String {
        CacheKey.computation(description)
    }

    func loadValues(key: String) -> [Double]? {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent(key + ".json")),
            let value = try? JSONParser.parse(String(decoding: data, as: UTF8.self)).value,
            case .string(let storedKey)? = value.value(at: JSONPointer(["key"])), storedKey == key,
            case .array(let stored)? = value.value(at: JSONPointer(["values"])),
            case .string(let checksum)? = value.value(at: JSONPointer(["checksum"])),
            checksum == Self.checksum(key: key, values: JSONWriter.compact(.array(stored)))
        else { return nil }
        let numbers = stored.compactMap(Self.number)
        return numbers.count == stored.count ? numbers : nil
    }

    func saveValues(_ values: [Double], key: String) {
        let stored = JSONValue.array(values.map { ResultValue.number($0) })
        let object: JSONValue = [
            "key": .string(key), "values": stored,
            "checksum": .string(Self.checksum(key: key, values: JSONWriter.compact(stored))),
        ]
        do {
            try AtomicFile.write(
                Data(JSONWriter.pretty(object).utf8), to: directory.appendingPathComponent(key + ".json"))
        } catch {
            warning("sweep values not stored, so a resumed sweep will compute them again: \(error)")
        }
    }

    /// A stored metric: a JSON number, or "Infinity", "-Infinity", "NaN".
    static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .number(let number): return number.double
        case .string("Infinity"): return .infinity
        case .string("-Infinity"): return -.infinity
        case .string("NaN"): return .nan
        default: return nil
        }
    }

    static func checksum(key: String, value: String, diverged: Int) -> String {
        SHA256.hash("\(key)|\(value)|\(diverged)").hex
    }

    static func checksum(key: String, values: String) -> String {
        SHA256.hash("\(key)|values|\(values)").hex
    }
}
