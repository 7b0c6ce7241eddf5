import ArgumentParser
import Foundation
import Workflow

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the experiments and whether their reports are up to date.")

    @Option(help: "Folder of experiment specs.")
    var experiments: String = "Experiments"

    @Option(help: "Folder of reports.")
    var reports: String = "Reports"

    func run() throws {
        let listing: ExperimentCatalog.Listing
        do {
            listing = try ExperimentCatalog.list(
                experiments: URL(fileURLWithPath: experiments), reports: URL(fileURLWithPath: reports))
        } catch {
            throw fail("\(error)")
        }
        for line in listing.recovered { note("initlab: \(line)") }
        let entries = listing.entries
        let rows =
            [["file", "id", "kind", "status"]] + entries.map { [$0.file, $0.id ?? "–", $0.kind ?? "–", $0.status] }
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let padded = zip(row.dropLast(), widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
            print((padded + [row.last!]).joined(separator: "  "))
        }
    }
}
