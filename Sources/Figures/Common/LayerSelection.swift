import ExperimentKinds

/// Evenly spaced layers to show when a network has too many for a readable grid.
enum LayerSelection {
    static func pick(depth: Int, maximum: Int = 8) -> [Int] {
        guard depth > maximum else { return Array(0..<depth) }
        return (0..<maximum).map { Int((Double($0) * Double(depth - 1) / Double(maximum - 1)).rounded()) }
    }
}
