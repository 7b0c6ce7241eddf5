import Foundation
import LinearAlgebra
import Spec

/// The peak memory a run of a spec needs, by part, estimated from the spec alone so that a spec
/// too large for the machine is refused before anything is allocated.
///
/// Each kind adds what it keeps alive at its peak (see the `memoryEstimate` of each kind's run):
/// network weights, activations, gradients, optimizer state, data, and the buffers behind
/// histograms and spectra. The figures are sizes of the arrays involved, not of the allocator's
/// overhead, plus a fixed part for the program itself; the test keeps them within a factor 1.5
/// of the measured peak resident memory.
public struct MemoryEstimate: Sendable, Equatable {
    /// One named part; parts with the same name are added together.
    public struct Part: Sendable, Equatable {
        public let name: String
        public let bytes: Double
    }

    /// What the program needs before any experiment: code, runtime, libraries, fonts.
    public static let programBytes = 40e6

    public private(set) var parts: [Part] = []

    public init() {}

    /// Adds `bytes` to the part `name` (negative and non-finite amounts are ignored).
    public mutating func add(_ name: String, bytes: Double) {
        guard bytes > 0, bytes.isFinite else { return }
        if let index = parts.firstIndex(where: { $0.name == name }) {
            parts[index] = Part(name: name, bytes: parts[index].bytes + bytes)
        } else {
            parts.append(Part(name: name, bytes: bytes))
        }
    }

    /// Adds `count` single-precision values.
    mutating func add(_ name: String, floats count: Double) { add(name, bytes: 4 * count) }

    /// Adds `count` double-precision values.
    mutating func add(_ name: String, doubles count: Double) { add(name, bytes: 8 * count) }

    /// Adds every part of `other`.
    mutating func add(_ other: MemoryEstimate) {
        for part in other.parts { add(part.name, bytes: part.bytes) }
    }

    public var totalBytes: Double { parts.reduce(0) { $0 + $1.bytes } }

    /// "about 74.5 GB (network weights 40 GB, activations 30 GB, ...)", largest parts first.
    public var summary: String {
        let listed = parts.sorted { $0.bytes > $1.bytes }.map { "\($0.name) \(Self.format($0.bytes))" }
        return "about \(Self.format(totalBytes)) (\(listed.joined(separator: ", ")))"
    }

    /// Decimal units, one decimal below 100: "74.5 GB", "512 MB", "40 GB".
    public static func format(_ bytes: Double) -> String {
        let units: [(Double, String)] = [(1e12, "TB"), (1e9, "GB"), (1e6, "MB"), (1e3, "kB")]
        for (size, unit) in units where bytes >= size {
            let value = bytes / size
            let text = String(format: value >= 100 ? "%.0f" : "%.1f", value)
            return "\(text.hasSuffix(".0") ? String(text.dropLast(2)) : text) \(unit)"
        }
        return "\(Int(bytes)) bytes"
    }

    /// The estimate of a run of `spec` (data files, when a size depends on them, under `dataRoot`).
    public static func of(_ spec: ExperimentSpec, dataRoot: URL, threads: Int = ComputeThreads.count) -> MemoryEstimate
    {
        var estimate = MemoryEstimate()
        estimate.add("program", bytes: programBytes)
        switch spec.body {
        case .activations(let experiment): estimate.add(ActivationsRun.memoryEstimate(experiment))
        case .training(let experiment):
            estimate.add(TrainingRun.memoryEstimate(experiment, dataRoot: dataRoot, threads: threads))
        case .meanField(let experiment): estimate.add(MeanFieldRun.memoryEstimate(experiment, threads: threads))
        case .jacobian(let experiment): estimate.add(JacobianRun.memoryEstimate(experiment))
        case .sweep(let sweep): estimate.add(SweepRun.memoryEstimate(sweep, dataRoot: dataRoot, threads: threads))
        }
        return estimate
    }
}
