import Foundation

/// How much memory a run may plan to use: `INITLAB_MEMORY_LIMIT` when set (bytes, or with a
/// suffix k, M, G, T: "8G", "512M"), otherwise 80% of the physical memory (`MemTotal` in
/// /proc/meminfo, or sysconf), or of the cgroup's `memory.max` when that is lower.
public struct MemoryLimit: Sendable, Equatable {
    public let bytes: Double
    /// Where the number comes from, for messages.
    public let source: String

    public static let variable = "INITLAB_MEMORY_LIMIT"
    /// The share of physical memory a run may plan for: the rest is the system's, the page
    /// cache's and the estimate's margin.
    public static let physicalFraction = 0.8

    public init(bytes: Double, source: String) {
        self.bytes = bytes
        self.source = source
    }

    /// The limit in effect. A malformed `INITLAB_MEMORY_LIMIT` is an error, not ignored.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) throws(RunError)
        -> MemoryLimit
    {
        if let text = environment[variable] {
            guard let bytes = parse(text) else {
                throw RunError(
                    "\(variable)=\"\(text)\": expected a number of bytes, optionally with k, M, G or T (e.g. 8G)")
            }
            return MemoryLimit(bytes: bytes, source: "\(variable)=\(text)")
        }
        var physical = physicalMemory()
        var what = "physical memory"
        if let cgroup = cgroupLimit(), cgroup < physical {
            physical = cgroup
            what = "the cgroup's memory.max"
        }
        return MemoryLimit(
            bytes: physicalFraction * physical,
            source:
                "\(Int(physicalFraction * 100))% of \(MemoryEstimate.format(physical)) of \(what); set \(variable) to change"
        )
    }

    /// "8G" -> 8e9, "512M" -> 5.12e8, "1000000" -> 1e6 (decimal units, as the estimates print).
    static func parse(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let scales: [Character: Double] = ["k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12]
        var number = Substring(trimmed)
        var scale = 1.0
        if let last = number.last, let factor = scales[last] {
            scale = factor
            number = number.dropLast()
        }
        if number.last == "B" || number.last == "b" { return nil }
        guard let value = Double(number), value.isFinite, value > 0 else { return nil }
        return value * scale
    }

    /// MemTotal from /proc/meminfo, else pages x page size.
    static func physicalMemory() -> Double {
        if let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("MemTotal:") }),
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
        {
            return kilobytes * 1024
        }
        return Double(sysconf(Int32(_SC_PHYS_PAGES))) * Double(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// The cgroup v2 memory limit of this process, when there is one.
    static func cgroupLimit() -> Double? {
        guard let text = try? String(contentsOfFile: "/sys/fs/cgroup/memory.max", encoding: .utf8) else { return nil }
        return Double(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
