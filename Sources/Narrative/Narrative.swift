import Ink

/// Renders a research narrative (Markdown with TeX math, cross-references, citations, findings
/// and footnotes) to HTML that is safe to put in a report page: no raw HTML of the author's
/// passes, links are limited by `LinkPolicy`, and the same text gives the same bytes.
///
/// The pieces Ink must not see are taken out first (math would be mangled as emphasis,
/// citations as links) and replaced by private-use placeholders, which come back as HTML after
/// Ink's output has been sanitized.
public enum Narrative {
    /// What a cross-reference or citation points at: the text of the link and its anchor.
    public struct Target: Sendable, Equatable {
        public let label: String
        public let anchor: String

        public init(label: String, anchor: String) {
            self.label = label
            self.anchor = anchor
        }
    }

    /// What the page knows: figures and tables by label (`fig-loss`), citation keys and
    /// finding values. Equations are numbered from the narrative itself.
    public struct Context: Sendable {
        public var references: [String: Target]
        public var citations: [String: Target]
        public var findings: [String: String]

        public init(
            references: [String: Target] = [:], citations: [String: Target] = [:], findings: [String: String] = [:]
        ) {
            self.references = references
            self.citations = citations
            self.findings = findings
        }
    }

    /// Something the narrative names that the context does not have, or math outside the subset.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable { case reference, citation, finding, footnote, math }
        public let kind: Kind
        public let name: String

        public var description: String {
            switch kind {
            case .reference: "unknown cross-reference @\(name)"
            case .citation: "unknown citation key @\(name)"
            case .finding: "unknown finding {{finding.\(name)}}"
            case .footnote: "footnote [^\(name)] has no definition"
            case .math: "unsupported TeX \(name)"
            }
        }
    }

    /// Everything the narrative refers to, in order of appearance: for validation before a run.
    public struct Mentions: Sendable, Equatable {
        public var references: [String] = []
        public var citations: [String] = []
        public var findings: [String] = []
        /// Labels given to display equations with `{#eq-...}`.
        public var equationLabels: [String] = []
        /// Commands outside the TeX subset.
        public var unknownTeX: [String] = []
        public var footnotesWithoutDefinition: [String] = []
    }

    /// The rendered HTML, what could not be resolved, and the citation keys in order of first use.
    public struct Rendered: Sendable {
        public let html: String
        public let problems: [Problem]
        public let citedKeys: [String]
    }

    /// What `markdown` refers to, without rendering it.
    public static func mentions(in markdown: String) -> Mentions {
        let document = NarrativeScanner.scan(strip(markdown))
        var mentions = Mentions()
        let definedFootnotes = Set(document.footnotes.map(\.id))
        let allPieces = document.pieces + document.footnotes.flatMap { NarrativeScanner.pieces($0.text) }
        for piece in allPieces {
            switch piece {
            case .reference(let label): mentions.references.append(label)
            case .citation(let keys): mentions.citations += keys
            case .finding(let name): mentions.findings.append(name)
            case .math(let tex, _, let label):
                mentions.unknownTeX += TeXMath.unknownCommands(in: tex)
                if let label { mentions.equationLabels.append(label) }
            case .footnote(let id) where !definedFootnotes.contains(id):
                mentions.footnotesWithoutDefinition.append(id)
            default: break
            }
        }
        return mentions
    }

    /// HTML for `markdown`. Headings move down `headingShift` levels so the narrative's `#` sits
    /// under the page's own headings. Unresolved names render as "??" and are listed.
    public static func render(_ markdown: String, context: Context = Context(), headingShift: Int = 2) -> Rendered {
        var renderer = Renderer(context: context, headingShift: headingShift)
        let html = renderer.render(strip(markdown))
        return Rendered(html: html, problems: renderer.problems, citedKeys: renderer.citedKeys)
    }

    /// The placeholder characters cannot come from the author.
    static func strip(_ markdown: String) -> String {
        String(String.UnicodeScalarView(markdown.unicodeScalars.filter { !Placeholder.reserved.contains($0.value) }))
    }
}

private struct Renderer {
    let context: Narrative.Context
    let headingShift: Int
    var problems: [Narrative.Problem] = []
    var citedKeys: [String] = []
    var replacements: [String] = []
    var equationNumbers: [String: Int] = [:]
    var footnoteNumbers: [String: Int] = [:]

    init(context: Narrative.Context, headingShift: Int) {
        self.context = context
        self.headingShift = headingShift
    }

    mutating func render(_ markdown: String) -> String {
        let document = NarrativeScanner.scan(markdown)
        // Numbers first, so that a reference may come before its equation or footnote.
        for case .math(_, true, let label?) in document.pieces where equationNumbers[label] == nil {
            equationNumbers[label] = equationNumbers.count + 1
        }
        for piece in document.pieces {
            if case .footnote(let id) = piece, footnoteNumbers[id] == nil,
                document.footnotes.contains(where: { $0.id == id })
            {
                footnoteNumbers[id] = footnoteNumbers.count + 1
            }
        }
        var html = html(document.pieces)
        let notes = document.footnotes.compactMap { note -> (Int, String, String)? in
            footnoteNumbers[note.id].map { ($0, note.id, note.text) }
        }.sorted { $0.0 < $1.0 }
        if !notes.isEmpty {
            html += "<section class=\"footnotes\"><ol>"
            for (_, id, text) in notes {
                let body = self.html(NarrativeScanner.pieces(text), shiftHeadings: false)
                html += "<li id=\"fn-\(id)\">\(body) <a href=\"#fnref-\(id)\" class=\"footnote-back\">↩</a></li>"
            }
            html += "</ol></section>"
        }
        return html
    }

    /// Ink over the Markdown with placeholders, sanitized, placeholders filled in.
    mutating func html(_ pieces: [NarrativeScanner.Piece], shiftHeadings: Bool = true) -> String {
        var markdown = ""
        for piece in pieces {
            switch piece {
            case .markdown(let text):
                for character in text {
                    switch character {
                    case "<": markdown.append(Placeholder.lessThan)
                    case "&": markdown.append(Placeholder.ampersand)
                    default: markdown.append(character)
                    }
                }
            default:
                markdown += Placeholder.token(replacements.count)
                replacements.append(replacement(for: piece))
            }
        }
        let inked = MarkdownParser().html(from: markdown)
        let clean = HTMLSanitizer.sanitize(inked, headingShift: shiftHeadings ? headingShift : 0)
        return fill(clean)
    }

    mutating func replacement(for piece: NarrativeScanner.Piece) -> String {
        switch piece {
        case .markdown(let text): return MarkupEscaping.text(text)
        case .literal(let character): return MarkupEscaping.text(String(character))
        case .math(let tex, let display, let label):
            for command in TeXMath.unknownCommands(in: tex) { problems.append(.init(kind: .math, name: command)) }
            let math = TeXMath.mathML(tex, display: display)
            guard display else { return math }
            guard let label, let number = equationNumbers[label] else {
                return "<span class=\"equation\">\(math)</span>"
            }
            return
                "<span class=\"equation\" id=\"\(label)\">\(math)<span class=\"equation-number\">(\(number))</span></span>"
        case .citation(let keys):
            let links = keys.map { key -> String in
                guard let target = context.citations[key] else {
                    problems.append(.init(kind: .citation, name: key))
                    return "<span class=\"unresolved\">?\(MarkupEscaping.text(key))</span>"
                }
                if !citedKeys.contains(key) { citedKeys.append(key) }
                return "<a href=\"#\(MarkupEscaping.attribute(target.anchor))\" class=\"citation\">"
                    + "\(MarkupEscaping.text(target.label))</a>"
            }
            return "[" + links.joined(separator: ", ") + "]"
        case .reference(let label):
            if label.hasPrefix("eq-") {
                guard let number = equationNumbers[label] else {
                    problems.append(.init(kind: .reference, name: label))
                    return "<span class=\"unresolved\">?@\(MarkupEscaping.text(label))</span>"
                }
                return "<a href=\"#\(label)\" class=\"cross-reference\">Equation (\(number))</a>"
            }
            guard let target = context.references[label] else {
                problems.append(.init(kind: .reference, name: label))
                return "<span class=\"unresolved\">?@\(MarkupEscaping.text(label))</span>"
            }
            return "<a href=\"#\(MarkupEscaping.attribute(target.anchor))\" class=\"cross-reference\">"
                + "\(MarkupEscaping.text(target.label))</a>"
        case .finding(let name):
            guard let value = context.findings[name] else {
                problems.append(.init(kind: .finding, name: name))
                return "<span class=\"unresolved\">??</span>"
            }
            return "<span class=\"finding\">\(MarkupEscaping.text(value))</span>"
        case .footnote(let id):
            guard let number = footnoteNumbers[id] else {
                problems.append(.init(kind: .footnote, name: id))
                return "<span class=\"unresolved\">[^\(MarkupEscaping.text(id))]</span>"
            }
            return "<sup class=\"footnote-ref\"><a href=\"#fn-\(id)\" id=\"fnref-\(id)\">\(number)</a></sup>"
        }
    }

    /// Puts the pieces back; a display equation alone in its paragraph replaces the paragraph.
    func fill(_ html: String) -> String {
        var output = ""
        var characters = html[...]
        while let first = characters.first {
            characters = characters.dropFirst()
            switch first {
            case Placeholder.lessThan: output += "&lt;"
            case Placeholder.ampersand: output += "&amp;"
            case Placeholder.open:
                let digits = characters.prefix { $0 != Placeholder.close }
                characters = characters.dropFirst(digits.count + 1)
                if let index = Int(digits), index < replacements.count { output += replacements[index] }
            default: output.append(first)
            }
        }
        return output.replacingBlockEquations()
    }
}

extension String {
    /// `<p><span class="equation"...>...</span></p>` becomes a `<div>`: a block equation is
    /// not part of a paragraph.
    fileprivate func replacingBlockEquations() -> String {
        var result = ""
        var rest = self[...]
        let opening = "<p><span class=\"equation\""
        while let start = rest.firstRange(of: opening) {
            result += rest[..<start.lowerBound]
            let afterOpening = rest[start.upperBound...]
            // The equation ends at its </math> plus an optional number span and </span>.
            if let mathEnd = afterOpening.firstRange(of: "</math>") {
                var tail = afterOpening[mathEnd.upperBound...]
                var number = ""
                if tail.hasPrefix("<span class=\"equation-number\">"), let close = tail.firstRange(of: "</span>") {
                    number = String(tail[..<close.upperBound])
                    tail = tail[close.upperBound...]
                }
                if tail.hasPrefix("</span></p>") {
                    result += "<div class=\"equation\"" + afterOpening[..<mathEnd.upperBound] + number + "</div>"
                    rest = tail.dropFirst("</span></p>".count)
                    continue
                }
            }
            result += opening
            rest = afterOpening
        }
        return result + rest
    }
}
