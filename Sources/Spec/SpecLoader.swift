import Foundation
import JSON

/// Reads spec files: text -> JSON with positions -> schema validation -> typed spec.
public enum SpecLoader {
    /// Loads and validates the spec at `path`; every failure is a `SpecErrors` naming the file.
    public static func load(path: String) throws(SpecErrors) -> ExperimentSpec {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file"
            throw SpecErrors([SpecError(file: path, pointer: nil, message: reason)])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SpecErrors([SpecError(file: path, pointer: nil, message: "the file is not valid UTF-8 text")])
        }
        return try parse(text, file: path)
    }

    /// Validates spec text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(SpecErrors) -> ExperimentSpec {
        let document: JSONParser.Document
        do {
            document = try JSONParser.parse(text)
        } catch {
            throw SpecErrors([
                SpecError(
                    file: file, pointer: nil, position: error.position, message: "malformed JSON: \(error.message)")
            ])
        }
        let resolved = try SchemaValidator.resolve(document, against: SpecSchema.experiment, file: file)
        do {
            let resolved = try NarrativeCheck.inlineFile(in: resolved, specFile: file, document: document)
            return try ExperimentSpec.read(resolved, context: SpecReader.Context(file: file, document: document))
        } catch {
            throw SpecErrors([error])
        }
    }
}
