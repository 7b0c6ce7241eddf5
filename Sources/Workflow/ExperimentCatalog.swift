import Foundation
import Hashing
import JSON
import Spec

/// The experiments in a folder and the state of their reports, for `initlab list`.
public enum ExperimentCatalog {
    public struct Entry: Sendable {
        public let file: String
        public let id: String?
        public let kind: String?
        /// "report up to date", "report stale (spec changed)", "no report", or the validation error.
        public let status: String
    }

    public static func list(experiments: URL, reports: URL) throws -> [Entry] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: experiments.path).filter {
                $0.hasSuffix(".json")
            }.sorted()
        } catch {
            throw WorkflowError("cannot read the experiments folder \(experiments.path)")
        }
        return names.map { name in
            let path = experiments.appendingPathComponent(name).path
            do {
                let spec = try SpecLoader.load(path: path)
                return Entry(
                    file: path, id: spec.id, kind: spec.kind.rawValue, status: status(of: spec, reports: reports))
            } catch {
                return Entry(
                    file: path, id: nil, kind: nil,
                    status: "invalid: \((error as? SpecErrors)?.errors[0].message ?? "\(error)")")
            }
        }
    }

    private static func status(of spec: ExperimentSpec, reports: URL) -> String {
        let manifestURL = reports.appendingPathComponent(spec.id).appendingPathComponent("manifest.json")
        guard let data = try? Data(contentsOf: manifestURL), let text = String(data: data, encoding: .utf8),
            let manifest = try? JSONParser.parse(text).value
        else { return "no report" }
        guard case .string(let recorded)? = manifest.value(at: JSONPointer(["spec", "resolved_sha256"])) else {
            return "report unreadable"
        }
        if case .bool(true)? = manifest.value(at: JSONPointer(["seed_overridden"])) {
            return "report from another seed"
        }
        return recorded == SHA256.hash(spec.canonicalText).hex ? "report up to date" : "report stale (spec changed)"
    }
}
