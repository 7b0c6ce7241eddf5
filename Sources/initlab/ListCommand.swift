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
        let entries: [ExperimentCatalog.Entry]
        do {
            entries = try ExperimentCatalog.list(
                experiments: URL(fileURLWithPath: experiments), reports: URL(fileURLWithPath: reports))
        } catch {
            throw fail("\(error)")
        }
        let rows =
            [["file", "id", "kind", "status"]] + entries.map { [$0.file, $0.id ?? "–", $0.kind ?? "–", $0.status] }
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let padded = zip(row.dropLast(), widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
            print((padded + [row.last!]).joined(separator: "  "))
        }
    }
}
