import ExperimentKinds
import Foundation
import Run
import Spec
import Synchronization
import Testing

@testable import Workflow

/// Finished sweep cells on disk: saved atomically, and never served when damaged.
@Suite struct FileCellStoreTests {
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("initlab-cells-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func savedCellsComeBackExactly() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = FileCellStore(directory: root.appendingPathComponent("sweeps"), dataRoot: root)
        #expect(store.load(key: "abc") == nil)
        store.save(key: "abc", entry: SweepCellStoreEntry(value: 0.1 + 0.2, divergedRuns: 1))
        #expect(store.load(key: "abc") == SweepCellStoreEntry(value: 0.1 + 0.2, divergedRuns: 1))
        let files = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("sweeps").path)
        #expect(files == ["abc.json"], "no temporary file left behind: \(files)")
    }

    @Test func damagedCellFilesAreIgnored() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = FileCellStore(directory: root.appendingPathComponent("sweeps"), dataRoot: root)
        store.save(key: "k", entry: SweepCellStoreEntry(value: 0.75, divergedRuns: 0))
        let file = root.appendingPathComponent("sweeps/k.json")
        let original = try String(contentsOf: file, encoding: .utf8)
        // An edited value no longer matches the checksum.
        try original.replacingOccurrences(of: "0.75", with: "0.95").write(to: file, atomically: true, encoding: .utf8)
        #expect(store.load(key: "k") == nil)
        // A truncated file does not parse.
        try String(original.prefix(original.count / 2)).write(to: file, atomically: true, encoding: .utf8)
        #expect(store.load(key: "k") == nil)
        // A file copied under another cell's name carries the wrong key.
        try original.write(to: root.appendingPathComponent("sweeps/other.json"), atomically: true, encoding: .utf8)
        #expect(store.load(key: "other") == nil)
    }

    @Test func keyCoversTheMetric() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = FileCellStore(directory: root.appendingPathComponent("sweeps"), dataRoot: root)
        let cell = try CacheKeyTests.spec()
        let keys = [SweepMetric.testAccuracy, .trainAccuracy, .finalLoss].map {
            store.key(for: cell, metric: $0)
        }
        #expect(Set(keys).count == 3, "an accuracy would be served as a loss")
        #expect(store.key(for: cell, metric: .finalLoss) == keys[2])
    }

    @Test func nonFiniteValuesComeBackExactly() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = FileCellStore(directory: root.appendingPathComponent("sweeps"), dataRoot: root)
        for (key, value) in [("inf", Double.infinity), ("minus", -Double.infinity), ("nan", Double.nan)] {
            store.save(key: key, entry: SweepCellStoreEntry(value: value, divergedRuns: 2))
            let loaded = try #require(store.load(key: key))
            #expect(
                loaded == SweepCellStoreEntry(value: value, divergedRuns: 2), "\(value) came back as \(loaded.value)")
        }
    }

    @Test func failedWriteIsReported() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        // The store's folder cannot be created: a regular file is in the way.
        try Data("x".utf8).write(to: root.appendingPathComponent("sweeps"))
        let warnings = Mutex<[String]>([])
        let store = FileCellStore(
            directory: root.appendingPathComponent("sweeps"), dataRoot: root,
            warning: { message in warnings.withLock { $0.append(message) } })
        store.save(key: "k", entry: SweepCellStoreEntry(value: 0.5, divergedRuns: 0))
        let reported = warnings.withLock { $0 }
        #expect(reported.count == 1 && reported[0].contains("sweeps/k.json: Not a directory"), "\(reported)")
    }

    @Test func storedValuesComeBackExactlyAndDamagedOnesAreIgnored() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = FileCellStore(directory: root.appendingPathComponent("sweeps"), dataRoot: root)
        let key = store.key(forComputation: "xi_c at [1, 2]")
        #expect(key != store.key(forComputation: "xi_c at [1, 2.0000001]"))
        #expect(store.loadValues(key: key) == nil)
        let values = [0.1 + 0.2, .infinity, 1e-300]
        store.saveValues(values, key: key)
        #expect(store.loadValues(key: key) == values)
        let file = root.appendingPathComponent("sweeps/\(key).json")
        let original = try String(contentsOf: file, encoding: .utf8)
        try original.replacingOccurrences(of: "Infinity", with: "-Infinity").write(
            to: file, atomically: true, encoding: .utf8)
        #expect(store.loadValues(key: key) == nil, "an edited value fails the checksum")
    }
}
