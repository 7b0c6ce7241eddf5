import ArgumentParser
import AtomicFiles
import Foundation
import JSON
import Spec

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of experiment specs, for editor completion.")

    @Option(help: "Write the schema to this file instead of standard output.")
    var out: String?

    func run() throws {
        let text = JSONWriter.pretty(SpecSchema.jsonSchemaDocument)
        guard let out else {
            print(text, terminator: "")
            return
        }
        do {
            try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: out))
        } catch {
            throw fail("schema --out: \(error)")
        }
    }
}
