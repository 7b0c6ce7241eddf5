/// Cell indices as Slurm job arrays. MaxArraySize caps the array *index* (every index must be
/// below it), not the number of tasks, so cell i goes to the array of chunk i / MaxArraySize as
/// task i mod MaxArraySize, and the task adds the chunk's offset back.
public enum SlurmArray {
    /// One array job: the cells `offset + task` for each task index.
    public struct Chunk: Sendable, Equatable {
        public let offset: Int
        public let tasks: [Int]

        /// The `--array` value: ranges and single indices ("0-999", "1,3,5-7"), with `%limit`
        /// when at most `maxParallel` tasks may run at once.
        public func arraySpec(maxParallel: Int?) -> String {
            SlurmArray.ranges(tasks) + (maxParallel.map { "%\($0)" } ?? "")
        }

        /// The cell indices of this chunk.
        public var cells: [Int] { tasks.map { offset + $0 } }
    }

    /// `cells` (any order, no duplicates needed) split into chunks whose task indices are all
    /// below `maxArraySize`.
    public static func chunks(_ cells: [Int], maxArraySize: Int) -> [Chunk] {
        let size = max(1, maxArraySize)
        var byChunk: [Int: [Int]] = [:]
        for cell in Set(cells) { byChunk[cell / size, default: []].append(cell % size) }
        return byChunk.keys.sorted().map { chunk in
            Chunk(offset: chunk * size, tasks: byChunk[chunk, default: []].sorted())
        }
    }

    /// Sorted distinct indices written as Slurm writes them: runs of consecutive indices as
    /// "a-b", the rest as single numbers, comma-separated.
    public static func ranges(_ sorted: [Int]) -> String {
        var parts: [String] = []
        var index = 0
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count && sorted[end + 1] == sorted[end] + 1 { end += 1 }
            parts.append(end == index ? "\(sorted[index])" : "\(sorted[index])-\(sorted[end])")
            index = end + 1
        }
        return parts.joined(separator: ",")
    }

    /// MaxArraySize from `scontrol show config` output ("MaxArraySize = 1001"); nil when absent.
    public static func maxArraySize(fromConfig text: String) -> Int? {
        for line in text.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == "MaxArraySize", let value = Int(parts[1]) { return value }
        }
        return nil
    }
}
