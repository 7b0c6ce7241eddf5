import Foundation
import Spec

/// The default experiments of `Experiments/`, loaded as specs, by file name.
enum ShippedExperiments {
    static func specs() throws -> [(file: String, spec: ExperimentSpec)] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Experiments")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        return try files.sorted().map { ($0, try SpecLoader.load(path: folder.appendingPathComponent($0).path)) }
    }
}
