import Figures

/// BibTeX and LaTeX snippets that cite a figure by its stable id, its spec hash and its seed.
struct FigureCitation {
    let figure: RenderedFigure
    let content: ReportContent

    /// `initlab:<experiment>:<figure name>`.
    var key: String { "initlab:\(content.spec.id):\(figure.name)" }

    var bibtex: String {
        let spec = content.spec
        return """
            @misc{\(key),
              title        = {{\(Self.escapeTeX(figure.title))}},
              author       = {{InitLab}},
              howpublished = {InitLab \(content.provenance.toolVersion), report \\texttt{\(Self.escapeTeX(spec.id))}, figure \\texttt{\(Self.escapeTeX(figure.id))}},
              note         = {Spec SHA-256 \(content.specHash), root seed \(spec.seed); rerun with \\texttt{\(Self.escapeTeX(content.provenance.rerunCommand))} and check with \\texttt{initlab verify}}
            }
            """
    }

    /// A figure environment including the PDF at its print width.
    var latex: String {
        """
        \\begin{figure}[t]
          \\centering
          \\includegraphics[width=\(formatInches(figure.widthInches))in]{\(figure.id).pdf}
          \\caption{\(Self.escapeTeX(figure.title)). \(Self.escapeTeX(figure.caption)) (InitLab figure \\texttt{\(Self.escapeTeX(figure.id))}, seed \(content.spec.seed).)}
          \\label{fig:\(figure.id)}
        \\end{figure}
        """
    }

    private func formatInches(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// Escapes the characters TeX treats specially.
    static func escapeTeX(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\textbackslash{}"
            case "{", "}", "$", "&", "#", "_", "%": escaped += "\\" + String(character)
            case "~": escaped += "\\textasciitilde{}"
            case "^": escaped += "\\textasciicircum{}"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
