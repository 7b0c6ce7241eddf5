/// Splits narrative Markdown into the pieces that must not reach Ink as they are: math,
/// citations, cross-references, finding placeholders and footnote markers; code (spans and
/// fenced blocks) is kept verbatim so that nothing inside it is taken for math or a reference.
struct NarrativeScanner {
    enum Piece: Equatable {
        /// Markdown for Ink.
        case markdown(String)
        /// TeX between `$...$` or `$$...$$`, with the `{#eq-...}` label of a display equation.
        case math(tex: String, display: Bool, label: String?)
        /// `[@a; @b]`.
        case citation([String])
        /// `@fig-x`, `@tbl-x`, `@eq-x`: the whole label.
        case reference(String)
        /// `{{finding.name}}`: the name after `finding.`.
        case finding(String)
        /// `[^id]`.
        case footnote(String)
        /// A character written escaped (`\$`, `\@`), shown as itself.
        case literal(Character)
    }

    /// Footnote definitions (`[^id]: text` at the start of a line), taken out of the text.
    struct Document {
        var pieces: [Piece]
        var footnotes: [(id: String, text: String)]
    }

    static let referencePrefixes = ["fig-", "tbl-", "eq-"]

    static func scan(_ source: String) -> Document {
        var body: [Substring] = []
        var footnotes: [(id: String, text: String)] = []
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("[^"), let close = line.firstIndex(of: "]"),
                line[line.index(after: close)...].hasPrefix(":")
            {
                let id = String(line[line.index(line.startIndex, offsetBy: 2)..<close])
                if !id.isEmpty, id.allSatisfy(isLabelCharacter) {
                    let text = line[line.index(close, offsetBy: 2)...].trimmingCharacters(in: " ")
                    footnotes.append((id, text))
                    continue
                }
            }
            body.append(line)
        }
        return Document(pieces: pieces(body.joined(separator: "\n")), footnotes: footnotes)
    }

    static func isLabelCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_")
    }

    /// The pieces of `text`, in order; adjacent Markdown is merged.
    static func pieces(_ text: String) -> [Piece] {
        var scanner = Cursor(Array(text))
        return scanner.run()
    }

    private struct Cursor {
        let characters: [Character]
        var index = 0
        var pieces: [Piece] = []
        var pending = ""

        init(_ characters: [Character]) { self.characters = characters }

        func character(at offset: Int) -> Character? {
            index + offset < characters.count && index + offset >= 0 ? characters[index + offset] : nil
        }

        var atLineStart: Bool { index == 0 || characters[index - 1] == "\n" }

        mutating func emit(_ piece: Piece) {
            if !pending.isEmpty { pieces.append(.markdown(pending)) }
            pending = ""
            pieces.append(piece)
        }

        /// Index of the first occurrence of `needle` at or after `from`, or nil.
        func find(_ needle: String, from: Int) -> Int? {
            let pattern = Array(needle)
            var position = from
            while position + pattern.count <= characters.count {
                if Array(characters[position..<(position + pattern.count)]) == pattern { return position }
                position += 1
            }
            return nil
        }

        mutating func run() -> [Piece] {
            while index < characters.count {
                if atLineStart, fencedBlock() { continue }
                let current = characters[index]
                switch current {
                case "\\" where character(at: 1).map({ "$@[{".contains($0) }) == true:
                    emit(.literal(characters[index + 1]))
                    index += 2
                case "`": codeSpan()
                case "$": if !math() { take() }
                case "[" where character(at: 1) == "@": if !citation() { take() }
                case "[" where character(at: 1) == "^": if !footnote() { take() }
                case "@": if !reference() { take() }
                case "{" where character(at: 1) == "{": if !finding() { take() }
                default: take()
                }
            }
            if !pending.isEmpty { pieces.append(.markdown(pending)) }
            return pieces
        }

        mutating func take(_ count: Int = 1) {
            pending += String(characters[index..<min(characters.count, index + count)])
            index += count
        }

        /// A fenced code block (``` or ~~~) kept verbatim, up to its closing fence or the end.
        mutating func fencedBlock() -> Bool {
            var indent = 0
            while character(at: indent) == " ", indent < 3 { indent += 1 }
            guard let fence = character(at: indent), fence == "`" || fence == "~",
                character(at: indent + 1) == fence, character(at: indent + 2) == fence
            else { return false }
            let marker = String(repeating: fence, count: 3)
            var end = characters.count
            var lineStart = (characters[index...].firstIndex(of: "\n") ?? characters.count) + 1
            while lineStart < characters.count {
                let lineEnd = characters[lineStart...].firstIndex(of: "\n") ?? characters.count
                if String(characters[lineStart..<lineEnd]).trimmingCharacters(in: " ").hasPrefix(marker) {
                    end = lineEnd
                    break
                }
                lineStart = lineEnd + 1
            }
            take(end - index)
            return true
        }

        /// An inline code span: a run of backticks up to the same run.
        mutating func codeSpan() {
            var run = 0
            while character(at: run) == "`" { run += 1 }
            let marker = String(repeating: "`", count: run)
            if let close = find(marker, from: index + run) {
                take(close + run - index)
            } else {
                take(run)
            }
        }

        /// `$$...$$` (with an optional `{#eq-label}`) or `$...$`, Pandoc's rules for the inline
        /// form: no space after the opening or before the closing dollar, no digit after it.
        mutating func math() -> Bool {
            if character(at: 1) == "$" {
                guard let close = find("$$", from: index + 2) else { return false }
                let tex = String(characters[(index + 2)..<close])
                index = close + 2
                var label: String?
                var look = index
                while look < characters.count, characters[look] == " " { look += 1 }
                if look + 2 < characters.count, characters[look] == "{", characters[look + 1] == "#",
                    let end = characters[look...].firstIndex(of: "}")
                {
                    let candidate = String(characters[(look + 2)..<end])
                    if candidate.hasPrefix("eq-"), candidate.allSatisfy(NarrativeScanner.isLabelCharacter) {
                        label = candidate
                        index = end + 1
                    }
                }
                emit(.math(tex: tex.trimmingCharacters(in: " \n"), display: true, label: label))
                return true
            }
            guard let first = character(at: 1), !first.isWhitespace else { return false }
            var position = index + 1
            while position < characters.count {
                let character = characters[position]
                if character == "\n", position + 1 < characters.count, characters[position + 1] == "\n" { return false }
                if character == "\\" {
                    position += 2
                    continue
                }
                if character == "$" {
                    let before = characters[position - 1]
                    let after = position + 1 < characters.count ? characters[position + 1] : " "
                    if !before.isWhitespace, !after.isNumber, position > index + 1 {
                        emit(.math(tex: String(characters[(index + 1)..<position]), display: false, label: nil))
                        index = position + 1
                        return true
                    }
                }
                position += 1
            }
            return false
        }

        /// `[@key]` or `[@a; @b]`; anything else in the brackets means it is not a citation.
        mutating func citation() -> Bool {
            guard let close = characters[index...].firstIndex(of: "]") else { return false }
            let inner = String(characters[(index + 1)..<close])
            var keys: [String] = []
            for part in inner.split(separator: ";") {
                let trimmed = part.trimmingCharacters(in: " ")
                guard trimmed.hasPrefix("@") else { return false }
                let key = String(trimmed.dropFirst())
                guard !key.isEmpty, key.allSatisfy({ NarrativeScanner.isLabelCharacter($0) || $0 == ":" }) else {
                    return false
                }
                keys.append(key)
            }
            guard !keys.isEmpty else { return false }
            emit(.citation(keys))
            index = close + 1
            return true
        }

        mutating func footnote() -> Bool {
            guard let close = characters[index...].firstIndex(of: "]") else { return false }
            let id = String(characters[(index + 2)..<close])
            guard !id.isEmpty, id.allSatisfy(NarrativeScanner.isLabelCharacter) else { return false }
            emit(.footnote(id))
            index = close + 1
            return true
        }

        /// `@fig-...`, `@tbl-...`, `@eq-...` not preceded by a word character (so e-mail
        /// addresses stay text); a trailing '-' or '_' is not part of the label.
        mutating func reference() -> Bool {
            if let previous = character(at: -1), previous.isLetter || previous.isNumber { return false }
            var end = index + 1
            while end < characters.count, NarrativeScanner.isLabelCharacter(characters[end]) { end += 1 }
            while end > index + 1, "-_".contains(characters[end - 1]) { end -= 1 }
            let label = String(characters[(index + 1)..<end])
            guard
                NarrativeScanner.referencePrefixes.contains(where: { label.hasPrefix($0) && label.count > $0.count })
            else { return false }
            emit(.reference(label))
            index = end
            return true
        }

        /// `{{finding.name}}` with name of letters, digits, '.', '_' and '-'.
        mutating func finding() -> Bool {
            guard let close = find("}}", from: index + 2) else { return false }
            let inner = String(characters[(index + 2)..<close]).trimmingCharacters(in: " ")
            guard inner.hasPrefix("finding."), inner.count > 8,
                inner.allSatisfy({ NarrativeScanner.isLabelCharacter($0) || $0 == "." })
            else { return false }
            emit(.finding(String(inner.dropFirst(8))))
            index = close + 2
            return true
        }
    }
}

extension StringProtocol {
    /// The text without the given characters at either end.
    func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
