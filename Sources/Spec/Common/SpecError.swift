import JSON

/// A problem with a spec file: where it is and what was expected.
///
/// Printed on one line, e.g.
/// `Experiments/x.json: /variants/2/initializer/gain (line 14, column 20): expected a positive number or one of "auto", "relu", ..., found "rleu"; did you mean "relu"?`
public struct SpecError: Error, Sendable, CustomStringConvertible {
    /// The file, as the user named it.
    public var file: String
    /// Where in the JSON document; `nil` when the problem is with the file itself.
    public var pointer: JSONPointer?
    /// Where in the text, when known.
    public var position: JSONParser.SourcePosition?
    /// What is wrong, including what was expected and what was found.
    public var message: String
    /// A close match for a misspelled key or name.
    public var suggestion: String?

    public init(
        file: String, pointer: JSONPointer?, position: JSONParser.SourcePosition? = nil, message: String,
        suggestion: String? = nil
    ) {
        self.file = file
        self.pointer = pointer
        self.position = position
        self.message = message
        self.suggestion = suggestion
    }

    public var description: String {
        var text = file
        // A pointer through a 10000-character key is shortened like the key in the message.
        if let pointer {
            let path = pointer.description
            text += ": " + (path.count <= 200 ? path : path.prefix(200) + "...")
        }
        if let position { text += " (\(position))" }
        text += ": " + message
        if let suggestion { text += "; did you mean \"\(suggestion)\"?" }
        return text
    }
}

/// Several problems found in one file; the first is the headline.
public struct SpecErrors: Error, Sendable, CustomStringConvertible {
    /// At most `listLimit` problems are kept: a spec with a million unknown keys gets a bounded
    /// report, not a million lines.
    public static let listLimit = 50

    /// The problems listed, in document order.
    public let errors: [SpecError]
    /// Problems found beyond `listLimit`, counted but not listed.
    public let omittedCount: Int

    public init(_ errors: [SpecError], omittedCount: Int = 0) {
        precondition(!errors.isEmpty, "SpecErrors needs at least one error")
        self.errors = Array(errors.prefix(Self.listLimit))
        self.omittedCount = omittedCount + max(0, errors.count - Self.listLimit)
    }

    /// Every problem kept, one per line, then how many more were found.
    public var description: String {
        var lines = errors.map(\.description)
        if omittedCount > 0 {
            lines.append(
                "\(errors[0].file): and \(omittedCount) more problem\(omittedCount == 1 ? "" : "s") (only the first \(errors.count) are listed)"
            )
        }
        return lines.joined(separator: "\n")
    }
}
