import Foundation
import JSON
import Narrative

/// Validation of an experiment's narrative against the spec: every `@fig-` names a figure of
/// the spec, every `@eq-` a labelled equation of the narrative, every `[@key]` one of the
/// spec's references; TeX outside the supported subset and footnotes without text are refused.
/// Tables and findings depend on the results and are checked when the report is built.
enum NarrativeCheck {
    static func check(_ narrative: String, at reader: SpecReader, figures: [String], references: [Reference])
        throws(SpecError)
    {
        let mentions = Narrative.mentions(in: narrative)
        let figureLabels = figures.map { "fig-\($0)" }
        let equations = mentions.equationLabels
        for label in mentions.references {
            if label.hasPrefix("fig-") {
                guard figureLabels.contains(label) || figures.contains(where: { label.hasSuffix("-\($0)") }) else {
                    throw reader.error(
                        "unknown cross-reference @\(label): expected one of the spec's figures "
                            + list(figureLabels.map { "@\($0)" }),
                        suggestion: Suggestion.closest(to: label, among: figureLabels).map { "@\($0)" })
                }
            } else if label.hasPrefix("eq-"), !equations.contains(label) {
                throw reader.error(
                    "unknown cross-reference @\(label): expected an equation labelled {#\(label)} in the narrative "
                        + list(equations.map { "@\($0)" }),
                    suggestion: Suggestion.closest(to: label, among: equations).map { "@\($0)" })
            }
        }
        let keys = references.map(\.key)
        for key in mentions.citations where !keys.contains(key) {
            throw reader.error(
                "unknown citation [@\(key)]: expected a key of the spec's \"references\" " + list(keys),
                suggestion: Suggestion.closest(to: key, among: keys))
        }
        if let command = mentions.unknownTeX.first {
            throw reader.error(
                "unsupported TeX \(command) in math: InitLab renders a subset (fractions, roots, scripts, Greek, "
                    + "sums, \\operatorname, \\mathcal, relations, aligned)",
                suggestion: Suggestion.closest(
                    to: String(command.dropFirst()), among: TeXMath.knownCommands
                ).map { "\\" + $0 })
        }
        if let footnote = mentions.footnotesWithoutDefinition.first {
            throw reader.error("footnote [^\(footnote)] has no text: expected a line \"[^\(footnote)]: ...\"")
        }
    }

    private static func list(_ names: [String]) -> String {
        names.isEmpty ? "(there are none)" : "(" + names.joined(separator: ", ") + ")"
    }

    /// The largest narrative file read.
    static let maxFileSize = 256 << 10

    /// The resolved spec with a `{"file": ...}` narrative replaced by the file's text, read
    /// relative to the spec's folder.
    static func inlineFile(in resolved: JSONValue, specFile: String, document: JSONParser.Document) throws(SpecError)
        -> JSONValue
    {
        guard case .object(var object) = resolved, case .object(let narrative)? = object["narrative"],
            case .string(let path)? = narrative["file"]
        else { return resolved }
        let pointer = JSONPointer.root.appending("narrative").appending("file")
        let folder = URL(fileURLWithPath: specFile).deletingLastPathComponent()
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)
        func failure(_ reason: String) -> SpecError {
            SpecError(
                file: specFile, pointer: pointer, position: document.position(of: pointer),
                message: "cannot read the narrative file \(url.path): \(reason)")
        }
        // A regular file only (a FIFO or /dev/zero would block or never end), read up to the cap.
        guard let kind = try? FileManager.default.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType else {
            throw failure("no such file, or it cannot be read")
        }
        guard kind == .typeRegular, let handle = FileHandle(forReadingAtPath: url.path) else {
            throw failure("expected a regular UTF-8 Markdown file")
        }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: maxFileSize + 1) else { throw failure("read error") }
        guard data.count <= maxFileSize else {
            throw failure("the file is larger than \(maxFileSize / 1024) KiB")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw failure("expected a UTF-8 Markdown file, found invalid UTF-8")
        }
        object["narrative"] = .string(text)
        return .object(object)
    }
}
