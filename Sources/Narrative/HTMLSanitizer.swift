/// Re-serializes the HTML that Ink writes, keeping only the elements and attributes Markdown
/// produces and escaping everything else as text.
///
/// Ink copies raw HTML and link targets through unchanged; the narrative pipeline already hides
/// the user's `<` and `&` from it, and this pass is the second wall: whatever is not an allowed
/// tag with allowed, re-escaped attributes comes out as visible text, and a link whose target
/// `LinkPolicy` refuses loses its `href`.
enum HTMLSanitizer {
    /// Elements Markdown produces, without attributes unless listed in `attributes`.
    static let elements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "del", "s", "code", "pre", "blockquote", "ul",
        "ol", "li", "a", "img", "hr", "br", "table", "thead", "tbody", "tr", "th", "td",
    ]
    static let voidElements: Set<String> = ["img", "hr", "br"]

    /// `html` with only allowed markup; headings move `headingShift` levels down (at most h6).
    static func sanitize(_ html: String, headingShift: Int = 0) -> String {
        let characters = Array(html)
        var output = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "<", let (tag, end) = readTag(characters, from: index, headingShift: headingShift) {
                output += tag
                index = end
                continue
            }
            switch character {
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&":
                // Ink's own escapes (&lt; &gt; &amp;) stay; any other '&' is text.
                let rest = String(characters[index..<min(characters.count, index + 5)])
                output += rest.hasPrefix("&lt;") || rest.hasPrefix("&gt;") || rest.hasPrefix("&amp;") ? "&" : "&amp;"
            default: output.append(character)
            }
            index += 1
        }
        return output
    }

    /// An allowed tag starting at `start`, re-serialized, and the index after it; nil when the
    /// text there is not one (it is then escaped as text).
    private static func readTag(_ characters: [Character], from start: Int, headingShift: Int) -> (String, Int)? {
        var index = start + 1
        var closing = false
        if index < characters.count, characters[index] == "/" {
            closing = true
            index += 1
        }
        var name = ""
        while index < characters.count, characters[index].isLetter || characters[index].isNumber {
            name.append(characters[index])
            index += 1
        }
        name = name.lowercased()
        guard elements.contains(name) else { return nil }
        // The attributes, as Ink writes them: name="value" (values never contain '"' or '>'
        // when well formed; a broken one just ends the tag early and the rest is dropped).
        var attributes: [(String, String)] = []
        while index < characters.count, characters[index] != ">" {
            if characters[index].isWhitespace || characters[index] == "/" {
                index += 1
                continue
            }
            var attribute = ""
            while index < characters.count, characters[index].isLetter || characters[index] == "-" {
                attribute.append(characters[index])
                index += 1
            }
            guard !attribute.isEmpty else { return nil }
            var value = ""
            if index < characters.count, characters[index] == "=" {
                index += 1
                guard index < characters.count, characters[index] == "\"" else { return nil }
                index += 1
                while index < characters.count, characters[index] != "\"" {
                    value.append(characters[index])
                    index += 1
                }
                guard index < characters.count else { return nil }
                index += 1
            }
            attributes.append((attribute.lowercased(), value))
        }
        guard index < characters.count else { return nil }
        if name.count == 2, name.first == "h", let level = Int(String(name.dropFirst())) {
            name = "h\(min(6, level + headingShift))"
        }
        if closing { return voidElements.contains(name) ? ("", index + 1) : ("</\(name)>", index + 1) }
        let kept = attributes.compactMap { attribute, value in
            allowed(attribute, value, on: name).map { " \(attribute)=\"\(MarkupEscaping.attribute($0))\"" }
        }
        // An image whose source was refused is dropped, not shown broken.
        if name == "img", !kept.contains(where: { $0.hasPrefix(" src=") }) { return ("", index + 1) }
        return ("<\(name)\(kept.joined())>", index + 1)
    }

    /// The value to keep for an attribute, or nil to drop it.
    private static func allowed(_ attribute: String, _ value: String, on element: String) -> String? {
        switch (element, attribute) {
        case ("a", "href"), ("img", "src"):
            let url = decodeInkEscapes(value)
            return LinkPolicy.allows(url) ? url : nil
        case ("img", "alt"): return decodeInkEscapes(value)
        case ("ol", "start"): return value.allSatisfy(\.isNumber) && !value.isEmpty ? value : nil
        case ("th", "align"), ("td", "align"): return ["left", "center", "right"].contains(value) ? value : nil
        case ("code", "class"):
            let language = value.hasPrefix("language-") ? value.dropFirst(9) : ""
            return !language.isEmpty && language.allSatisfy({ $0.isLetter || $0.isNumber || "+-_".contains($0) })
                ? value : nil
        default: return nil
        }
    }

    /// Ink escapes nothing in attributes but may pass through its own entities from text.
    private static func decodeInkEscapes(_ value: String) -> String {
        value.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
