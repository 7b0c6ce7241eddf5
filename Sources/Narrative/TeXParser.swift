/// A recursive-descent reader of the TeX subset that writes MathML as it goes.
struct TeXParser {
    /// Where a sequence of atoms ends.
    enum Stop: Hashable {
        case closingBrace, closingBracket, ampersand, rowBreak, end, right
    }

    private let characters: [Character]
    private var position = 0
    /// Unknown commands met, with their backslash.
    private(set) var unknown: [String] = []

    init(_ source: String) { characters = Array(source) }

    private var current: Character? { position < characters.count ? characters[position] : nil }

    private mutating func skipSpaces() {
        while let character = current, character.isWhitespace { position += 1 }
    }

    /// The name of the command at the current backslash, without consuming it.
    private func peekCommand() -> String? {
        guard current == "\\", position + 1 < characters.count else { return nil }
        let first = characters[position + 1]
        guard first.isLetter, first.isASCII else { return String(first) }
        var end = position + 1
        while end < characters.count, characters[end].isLetter, characters[end].isASCII { end += 1 }
        return String(characters[(position + 1)..<end])
    }

    private func stopReached(_ stops: Set<Stop>) -> Bool {
        switch current {
        case nil: return true
        case "}": return true
        case "]": return stops.contains(.closingBracket)
        case "&": return stops.contains(.ampersand)
        default:
            switch peekCommand() {
            case "\\": return stops.contains(.rowBreak)
            case "end": return stops.contains(.end)
            case "right": return stops.contains(.right)
            default: return false
            }
        }
    }

    /// Atoms up to one of `stops` (or the end of a group), as MathML.
    mutating func parseSequence(until stops: Set<Stop>) -> String {
        var output = ""
        while true {
            skipSpaces()
            if stopReached(stops) {
                // A stray closing brace at the top level is an error, not an end.
                if current == "}", !stops.contains(.closingBrace) {
                    position += 1
                    output += "<merror><mtext>}</mtext></merror>"
                    unknown.append("}")
                    continue
                }
                return output
            }
            output += parseScripted()
        }
    }

    /// An atom with its sub- and superscripts.
    private mutating func parseScripted() -> String {
        let (base, isLargeOperator) = parseAtom()
        var lower: String?
        var upper: String?
        while true {
            skipSpaces()
            if current == "_", lower == nil {
                position += 1
                lower = parseArgument()
            } else if current == "^", upper == nil {
                position += 1
                upper = parseArgument()
            } else if current == "'" {
                position += 1
                upper = (upper ?? "") + "<mo>′</mo>"
            } else if peekCommand() == "limits" {
                position += 7
            } else {
                break
            }
        }
        let tags = isLargeOperator ? ("munder", "mover", "munderover") : ("msub", "msup", "msubsup")
        switch (lower, upper) {
        case (nil, nil): return base
        case (let sub?, nil): return "<\(tags.0)>\(base)\(wrap(sub))</\(tags.0)>"
        case (nil, let sup?): return "<\(tags.1)>\(base)\(wrap(sup))</\(tags.1)>"
        case (let sub?, let sup?): return "<\(tags.2)>\(base)\(wrap(sub))\(wrap(sup))</\(tags.2)>"
        }
    }

    /// One element: scripts need exactly one child each.
    private func wrap(_ mathML: String) -> String { "<mrow>\(mathML)</mrow>" }

    /// A group in braces or a single atom (a command or one character), as one element.
    private mutating func parseArgument() -> String {
        skipSpaces()
        if current == "{" {
            return parseGroup()
        }
        if current == "\\" { return wrap(parseAtom().mathML) }
        guard let character = current else { return "<mrow></mrow>" }
        position += 1
        return Self.element(for: character)
    }

    /// `{...}` as an mrow.
    private mutating func parseGroup() -> String {
        position += 1
        let body = parseSequence(until: [.closingBrace])
        if current == "}" { position += 1 }
        return wrap(body)
    }

    /// The raw text of a `{...}` argument (for \text, \operatorname, \mathcal).
    private mutating func rawArgument() -> String {
        skipSpaces()
        guard current == "{" else {
            guard let character = current else { return "" }
            position += 1
            return String(character)
        }
        position += 1
        var depth = 0
        var text = ""
        while let character = current {
            position += 1
            if character == "{" { depth += 1 }
            if character == "}" {
                if depth == 0 { break }
                depth -= 1
            }
            text.append(character)
        }
        return text
    }

    private mutating func parseAtom() -> (mathML: String, isLargeOperator: Bool) {
        guard let character = current else { return ("", false) }
        if character == "{" { return (parseGroup(), false) }
        if character == "\\" { return parseCommand() }
        position += 1
        if character.isNumber {
            var number = String(character)
            while let next = current,
                next.isNumber
                    || (next == "." && position + 1 < characters.count
                        && characters[position + 1].isNumber)
            {
                number.append(next)
                position += 1
            }
            return ("<mn>\(number)</mn>", false)
        }
        return (Self.element(for: character), false)
    }

    /// A single character as mi, mn or mo.
    static func element(for character: Character) -> String {
        if character.isNumber { return "<mn>\(character)</mn>" }
        if character.isLetter { return "<mi>\(MarkupEscaping.text(String(character)))</mi>" }
        let symbol: String
        switch character {
        case "-": symbol = "−"
        case "*": symbol = "∗"
        case "~": return "<mspace width=\"0.25em\"></mspace>"
        default: symbol = String(character)
        }
        // Only \left and \right stretch: MathML Core would stretch a plain bracket to the
        // height of everything beside it (a fraction), which TeX does not.
        if "()[]|".contains(character) { return "<mo stretchy=\"false\">\(symbol)</mo>" }
        return "<mo>\(MarkupEscaping.text(symbol))</mo>"
    }

    private mutating func parseCommand() -> (mathML: String, isLargeOperator: Bool) {
        guard let name = peekCommand() else {
            position += 1
            return ("<mo>\\</mo>", false)
        }
        position += 1 + name.count
        if let letter = TeXSymbols.identifiers[name] {
            let upright = letter.first?.isUppercase == true ? " mathvariant=\"normal\"" : ""
            return ("<mi\(upright)>\(letter)</mi>", false)
        }
        if let symbol = TeXSymbols.operators[name] {
            let fixed = ["{", "}", "‖", "⟨", "⟩"].contains(symbol) ? " stretchy=\"false\"" : ""
            return ("<mo\(fixed)>\(MarkupEscaping.text(symbol))</mo>", TeXSymbols.largeOperators.contains(symbol))
        }
        if TeXSymbols.functions.contains(name) { return (Self.uprightName(name), false) }
        switch name {
        case "frac", "dfrac", "tfrac":
            let numerator = parseArgument()
            let denominator = parseArgument()
            return ("<mfrac>\(numerator)\(denominator)</mfrac>", false)
        case "sqrt":
            skipSpaces()
            if current == "[" {
                position += 1
                let index = parseSequence(until: [.closingBracket])
                if current == "]" { position += 1 }
                return ("<mroot>\(parseArgument())\(wrap(index))</mroot>", false)
            }
            return ("<msqrt>\(parseArgument())</msqrt>", false)
        case "operatorname", "mathrm":
            return (Self.uprightName(rawArgument()), false)
        case "mathcal", "mathbb":
            let variant = name == "mathcal" ? "script" : "double-struck"
            let letters = rawArgument().filter { !$0.isWhitespace }.map { TeXSymbols.styled($0, variant: variant) }
            return (letters.map { "<mi>\(MarkupEscaping.text($0))</mi>" }.joined(), false)
        case "mathbf":
            return ("<mi mathvariant=\"bold\">\(MarkupEscaping.text(rawArgument()))</mi>", false)
        case "text":
            return ("<mtext>\(MarkupEscaping.text(rawArgument()))</mtext>", false)
        case "left", "right":
            return (delimiter(), false)
        case "begin":
            return (parseEnvironment(rawArgument()), false)
        case "quad": return ("<mspace width=\"1em\"></mspace>", false)
        case "qquad": return ("<mspace width=\"2em\"></mspace>", false)
        case ",": return ("<mspace width=\"0.1667em\"></mspace>", false)
        case ";", " ": return ("<mspace width=\"0.2778em\"></mspace>", false)
        case "!", "big", "Big", "bigl", "bigr", "Bigl", "Bigr", "limits", "\\": return ("", false)
        default:
            unknown.append("\\" + name)
            return ("<merror><mtext>\\\(MarkupEscaping.text(name))</mtext></merror>", false)
        }
    }

    /// An upright multi-letter name (Var, log) or a single upright letter (E).
    private static func uprightName(_ name: String) -> String {
        let variant = name.count == 1 ? " mathvariant=\"normal\"" : ""
        return "<mi\(variant)>\(MarkupEscaping.text(name))</mi>"
    }

    /// The delimiter after \left or \right, stretched to its contents.
    private mutating func delimiter() -> String {
        skipSpaces()
        guard let character = current else { return "" }
        if character == "\\", let name = peekCommand() {
            position += 1 + name.count
            let symbol = TeXSymbols.operators[name] ?? ""
            return "<mo stretchy=\"true\">\(MarkupEscaping.text(symbol))</mo>"
        }
        position += 1
        return character == "." ? "" : "<mo stretchy=\"true\">\(MarkupEscaping.text(String(character)))</mo>"
    }

    /// `aligned` (and its relatives) as an mtable: rows at `\\`, columns at `&`, alternating
    /// right and left alignment as in TeX.
    private mutating func parseEnvironment(_ name: String) -> String {
        let known = ["aligned", "align", "align*", "gathered", "cases", "matrix", "pmatrix"]
        guard known.contains(name) else {
            unknown.append("\\begin{\(name)}")
            return "<merror><mtext>\\begin{\(MarkupEscaping.text(name))}</mtext></merror>"
        }
        var rows: [[String]] = []
        var row: [String] = []
        while true {
            row.append(parseSequence(until: [.ampersand, .rowBreak, .end]))
            if current == "&" {
                position += 1
                continue
            }
            rows.append(row)
            row = []
            if peekCommand() == "\\" {
                position += 2
                continue
            }
            if peekCommand() == "end" {
                position += 4
                _ = rawArgument()
            } else if current == "}" {
                position += 1
            }
            break
        }
        if let last = rows.last, last.count == 1, last[0].isEmpty, rows.count > 1 { rows.removeLast() }
        let alternating = name.hasPrefix("align")
        let table = rows.map { cells in
            "<mtr>"
                + cells.enumerated().map { index, cell in
                    let align =
                        alternating ? (index % 2 == 0 ? "right" : "left") : (name == "cases" ? "left" : "center")
                    return "<mtd columnalign=\"\(align)\"><mrow>\(cell)</mrow></mtd>"
                }.joined() + "</mtr>"
        }.joined()
        let body = "<mtable displaystyle=\"true\">\(table)</mtable>"
        switch name {
        case "cases": return "<mrow><mo>{</mo>\(body)</mrow>"
        case "pmatrix": return "<mrow><mo>(</mo>\(body)<mo>)</mo></mrow>"
        default: return body
        }
    }
}
