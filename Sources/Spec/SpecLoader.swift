import Foundation
import JSON

/// Reads spec files: text -> JSON with positions -> schema validation -> typed spec.
///
/// Hostile files are refused early and in bounded time: at most `maxFileSize` bytes are read,
/// nesting and string lengths are capped (`jsonLimits`), and at most `SpecErrors.listLimit`
/// problems are listed.
public enum SpecLoader {
    /// The largest spec file read (the shipped specs are about 2 KB).
    public static let maxFileSize = 1 << 20
    /// Nesting depth and string length caps of spec text (a spec nests about 6 deep).
    public static let jsonLimits = JSONParser.Limits(maxDepth: 64, maxStringLength: 10_000)

    /// Loads and validates the spec at `path`; every failure is a `SpecErrors` naming the file.
    public static func load(path: String) throws(SpecErrors) -> ExperimentSpec {
        func failure(_ message: String) -> SpecErrors {
            SpecErrors([SpecError(file: path, pointer: nil, message: message)])
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw failure(FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file")
        }
        defer { try? handle.close() }
        // One byte past the cap tells a file at the cap from a larger one without reading it all.
        let data: Data
        do {
            data = try handle.read(upToCount: maxFileSize + 1) ?? Data()
        } catch {
            throw failure("cannot read the file")
        }
        guard data.count <= maxFileSize else {
            throw failure("the file is larger than \(maxFileSize / 1024) KiB; a spec is a few KB of JSON")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw failure("the file is not valid UTF-8 text")
        }
        return try parse(text, file: path)
    }

    /// Validates spec text; `file` names it in errors. A leading byte-order mark (as some Windows
    /// editors write) is skipped; positions count from the character after it.
    public static func parse(_ text: String, file: String) throws(SpecErrors) -> ExperimentSpec {
        let document: JSONParser.Document
        do {
            let body = text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
            document = try JSONParser.parse(body, limits: jsonLimits)
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
