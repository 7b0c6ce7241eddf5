/// TeX math notation to presentation MathML, for the subset research narratives about
/// initialization need: fractions, roots, sub- and superscripts, Greek letters, sums and
/// products, operator names (Var, E, log), \mathcal{N}, relations such as \sim and \le, and
/// `aligned` environments.
///
/// Written here rather than taken from a package because it must run at build time with no
/// JavaScript and no network, and give the same bytes on every run. Everything it emits is
/// escaped; a command outside the subset becomes a visible `<merror>` and is listed in
/// `unknownCommands`, so validation can refuse it.
public enum TeXMath {
    /// MathML for `source`; `display` gives a block equation.
    public static func mathML(_ source: String, display: Bool) -> String {
        var parser = TeXParser(source)
        let body = parser.parseSequence(until: [])
        let attributes = display ? " display=\"block\"" : ""
        return "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"\(attributes)><semantics><mrow>\(body)</mrow>"
            + "<annotation encoding=\"application/x-tex\">\(MarkupEscaping.text(source))</annotation></semantics></math>"
    }

    /// The commands in `source` that this subset does not know (for validation), in order.
    public static func unknownCommands(in source: String) -> [String] {
        var parser = TeXParser(source)
        _ = parser.parseSequence(until: [])
        return parser.unknown
    }

    /// Every command this subset understands, for "did you mean" suggestions.
    public static var knownCommands: [String] {
        (Array(TeXSymbols.identifiers.keys) + Array(TeXSymbols.operators.keys) + Array(TeXSymbols.functions)
            + TeXSymbols.structural).sorted()
    }
}
