import ArgumentParser
import Foundation
import Workflow

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Rerun a report from its manifest and compare every result array and figure.",
        discussion:
            "Checks the report's files against the manifest, reruns the recorded spec with the recorded seed, and compares the hash of every result array, of results.json and of every figure's raw pixels and files. Exits non-zero on any difference."
    )

    @Argument(help: "Report folders (e.g. Reports/textbook-sigmoid-activations).")
    var reports: [String]

    @Option(help: "Compute threads; results do not depend on it.")
    var threads: Int?

    func run() throws {
        _ = Threads.configure(threads)
        var failed = false
        for report in reports {
            let outcome: ReportVerifier.Outcome
            do {
                outcome = try ReportVerifier.verify(reportDirectory: URL(fileURLWithPath: report))
            } catch {
                throw fail("\(error)")
            }
            print(Self.table(outcome))
            if !outcome.environmentDifferences.isEmpty {
                print("The environment differs from the recorded one:")
                for difference in outcome.environmentDifferences { print("  \(difference)") }
                print("Comparisons that may then differ: \(outcome.expectedDifferences.joined(separator: "; ")).")
            }
            if let rerunFailure = outcome.rerunFailure {
                print("The recorded spec could not be rerun: \(rerunFailure)")
            }
            let differing = outcome.rows.filter { !$0.same }.count + (outcome.rerunFailure == nil ? 0 : 1)
            print(
                outcome.passed
                    ? "\(outcome.experiment): verified, \(outcome.rows.count) items identical."
                    : "\(outcome.experiment): \(differing) of \(outcome.rows.count) items differ"
                        + " (\(outcome.rows.filter { !$0.same }.map(\.item).prefix(3).joined(separator: ", ")))."
            )
            failed = failed || !outcome.passed
        }
        if failed { throw ExitCode.failure }
    }

    static func table(_ outcome: ReportVerifier.Outcome) -> String {
        func short(_ hash: String) -> String { hash.count == 64 ? String(hash.prefix(16)) : hash }
        let rows =
            [["item", "recorded", "now", "verdict"]]
            + outcome.rows.map { [$0.item, short($0.recorded), short($0.found), $0.same ? "same" : "DIFFERENT"] }
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            zip(row.dropLast(), widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(
                separator: "  ") + "  " + row.last!
        }.joined(separator: "\n")
    }
}
