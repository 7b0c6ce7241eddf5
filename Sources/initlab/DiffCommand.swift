import ArgumentParser
import Foundation
import Workflow

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two reports: changed spec fields, seeds and headline numbers.")

    @Argument(help: "The first report folder.")
    var first: String

    @Argument(help: "The second report folder.")
    var second: String

    func run() throws {
        let outcome: ReportDiff.Outcome
        do {
            outcome = try ReportDiff.compare(URL(fileURLWithPath: first), URL(fileURLWithPath: second))
        } catch {
            throw fail("\(error)")
        }
        print(outcome.specChanges.isEmpty ? "Spec: identical (seed included)." : "Spec fields that differ:")
        for change in outcome.specChanges { print("  \(change.item): \(change.before) -> \(change.after)") }
        print(
            outcome.headlineChanges.isEmpty
                ? "Headline numbers: identical (\(outcome.unchangedHeadlines))." : "Headline numbers that differ:")
        for change in outcome.headlineChanges { print("  \(change.item): \(change.before) -> \(change.after)") }
        if !outcome.headlineChanges.isEmpty { print("  (\(outcome.unchangedHeadlines) unchanged)") }
    }
}
