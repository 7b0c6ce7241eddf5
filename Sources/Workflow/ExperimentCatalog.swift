import Foundation
import Hashing
import Report
import Spec

/// The experiments in a folder and the state of their reports, for `initlab list`.
public enum ExperimentCatalog {
    public struct Entry: Sendable {
        public let file: String
        public let id: String?
        public let kind: String?
        /// "report up to date", "report stale (spec changed)", "report damaged (...)", "no report",
        /// or the validation error.
        public let status: String
    }

    /// The experiments and their report status, and what was put right in the reports folder
    /// after an interrupted write (one line each).
    public struct Listing: Sendable {
        public let entries: [Entry]
        public let recovered: [String]
    }

    public static func list(experiments: URL, reports: URL) throws -> Listing {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: experiments.path).filter {
                $0.hasSuffix(".json")
            }.sorted()
        } catch {
            throw WorkflowError("cannot read the experiments folder \(experiments.path)")
        }
        let recovered: [String]
        do {
            recovered = try ReportWriter.recover(in: reports)
        } catch {
            throw WorkflowError("\(reports.path): recovering an interrupted earlier write failed: \(error)")
        }
        let entries = names.map { name in
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
        return Listing(entries: entries, recovered: recovered)
    }

    private static func status(of spec: ExperimentSpec, reports: URL) -> String {
        let folder = reports.appendingPathComponent(spec.id)
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(Manifest.fileName).path) else {
            return "no report"
        }
        let stored: StoredReport
        do {
            stored = try StoredReport.open(folder)
        } catch {
            return "report unreadable (\(error))"
        }
        if let problem = stored.problem { return "report damaged (\(problem))" }
        if stored.manifest.seedOverridden { return "report from another seed" }
        return stored.manifest.resolvedSHA256 == SHA256.hash(spec.canonicalText).hex
            ? "report up to date" : "report stale (spec changed)"
    }
}
