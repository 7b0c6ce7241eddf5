extension Narrative {
    /// The narrative as plain Markdown for places that render Markdown and TeX themselves
    /// (Jupyter): math stays TeX (numbered equations get `\tag`), references, citations and
    /// findings become their text, and the author's `<` and `&` are entities, so no raw HTML
    /// passes there either.
    public static func markdown(_ markdown: String, context: Context = Context()) -> String {
        let document = NarrativeScanner.scan(strip(markdown))
        var equations: [String: Int] = [:]
        for case .math(_, true, let label?) in document.pieces where equations[label] == nil {
            equations[label] = equations.count + 1
        }
        func text(_ pieces: [NarrativeScanner.Piece]) -> String {
            pieces.map { piece -> String in
                switch piece {
                case .markdown(let text):
                    return text.replacingAll("&", with: "&amp;").replacingAll("<", with: "&lt;")
                case .literal(let character): return "\\" + String(character)
                case .math(let tex, let display, let label):
                    let safe = tex.replacingAll("<", with: "\\lt ").replacingAll(">", with: "\\gt ")
                    guard display else { return "$" + safe + "$" }
                    let tag = label.flatMap { equations[$0] }.map { " \\tag{\($0)}" } ?? ""
                    return "$$" + safe + tag + "$$"
                case .citation(let keys):
                    return "[" + keys.map { context.citations[$0]?.label ?? "?\($0)" }.joined(separator: ", ") + "]"
                case .reference(let label):
                    if let number = equations[label] { return "Equation (\(number))" }
                    return context.references[label]?.label ?? "?@\(label)"
                case .finding(let name):
                    return (context.findings[name] ?? "??").replacingAll("&", with: "&amp;").replacingAll(
                        "<", with: "&lt;")
                case .footnote(let id): return "[^\(id)]"
                }
            }.joined()
        }
        var result = text(document.pieces)
        if !document.footnotes.isEmpty {
            result +=
                "\n\n"
                + document.footnotes.map { "[^\($0.id)]: " + text(NarrativeScanner.pieces($0.text)) }
                .joined(separator: "\n")
        }
        return result
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation in this module).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
