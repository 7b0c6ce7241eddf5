import Figures
import Foundation
import Plotting

/// The data a figure draws, as tidy CSV (one row per drawn point, bar, cell or reference line)
/// and, for figures made only of lines, a pgfplots snippet that replots it from that CSV.
///
/// Both are read off the laid-out figure, not recomputed from the results, so they hold exactly
/// what the picture shows (smoothed curves as smoothed, clipped values as clipped).
struct FigureData {
    static let header = "panel,panel_title,layer,kind,series,x,x_high,y,y_high,low,high,value"

    let id: String
    let figure: Figure

    /// The data of every figure of the report, in figure order.
    static func all(for content: ReportContent) -> [FigureData] {
        // The layouts are what the rendered figures were drawn from; drawing them again cannot
        // fail where it succeeded before, so a failure here only means no data files.
        let drafts = (try? FigureFactory.drafts(content.spec.figures, for: content.result)) ?? []
        return zip(content.figures, drafts).map { FigureData(id: $0.id, figure: $1.figure) }
    }

    /// CSV text: `panel` and `layer` number the panels and their drawn layers from 0; `kind` is
    /// line, raw (a faint unsmoothed line under a smoothed one), band, bar, cell or reference;
    /// bars and cells span x..x_high (and y..y_high); bands run from low to high.
    var csv: String {
        var lines = [Self.header]
        for (panelIndex, panel) in figure.panels.enumerated() {
            let title = panel.title ?? ""
            for (layerIndex, layer) in panel.layers.enumerated() {
                func row(_ kind: String, _ series: String, _ cells: [String: Double]) {
                    let values = ["x", "x_high", "y", "y_high", "low", "high", "value"].map {
                        cells[$0].map(Self.number) ?? ""
                    }
                    lines.append(
                        ([String(panelIndex), Self.quoted(title), String(layerIndex), kind, Self.quoted(series)]
                            + values)
                            .joined(separator: ","))
                }
                switch layer {
                case .line(let line):
                    let series = seriesName(style: line.style, color: line.color, panel: panelIndex)
                    for (x, y) in zip(line.x, line.y) {
                        row(line.opacity < 1 ? "raw" : "line", series, ["x": x, "y": y])
                    }
                case .band(let x, let lower, let upper, let style):
                    let series = seriesName(style: style, color: nil, panel: panelIndex)
                    for index in x.indices where index < lower.count && index < upper.count {
                        row("band", series, ["x": x[index], "low": lower[index], "high": upper[index]])
                    }
                case .bars(let edges, let heights, let style):
                    let series = seriesName(style: style, color: nil, panel: panelIndex)
                    for (index, height) in heights.enumerated() where index + 1 < edges.count {
                        row("bar", series, ["x": edges[index], "x_high": edges[index + 1], "y": height])
                    }
                case .heatmap(let map):
                    for (rowIndex, values) in map.values.enumerated() where rowIndex + 1 < map.yEdges.count {
                        for (column, value) in values.enumerated() where column + 1 < map.xEdges.count {
                            row(
                                "cell", "",
                                [
                                    "x": map.xEdges[column], "x_high": map.xEdges[column + 1],
                                    "y": map.yEdges[rowIndex],
                                    "y_high": map.yEdges[rowIndex + 1], "value": value,
                                ])
                        }
                    }
                case .reference(let line):
                    let axis = line.orientation == .horizontal ? "y" : "x"
                    row("reference", line.label ?? "", [axis: line.value])
                case .annotation:
                    break
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The legend's name for a series drawn in `style` (and, for overlays, a colour of its own);
    /// in figures without a legend, the label of the panel's row (a variant).
    private func seriesName(style: Int, color: Color?, panel: Int? = nil) -> String {
        let matches = figure.legend.filter { entry in
            switch entry.swatch {
            case .line(let entryStyle, let entryColor, _, _):
                entryStyle == style && (entryColor != nil) == (color != nil)
            case .box(let entryStyle): entryStyle == style && color == nil
            }
        }
        if let label = matches.first?.label { return label }
        if let panel, let rows = figure.rowLabels, figure.columns > 0, panel / figure.columns < rows.count {
            return rows[panel / figure.columns]
        }
        return color == nil ? "series \(style + 1)" : "reference"
    }

    /// Whether the figure is only curves (loss, accuracy, statistics by depth): those get a
    /// pgfplots snippet.
    var isLineFigure: Bool {
        !figure.panels.isEmpty
            && figure.panels.allSatisfy { panel in
                panel.layers.contains { if case .line = $0 { true } else { false } }
                    && panel.layers.allSatisfy { layer in
                        switch layer {
                        case .line, .band, .reference, .annotation: true
                        case .bars, .heatmap: false
                        }
                    }
            }
    }

    /// A pgfplots picture per panel reading `<id>.csv`; nil for figures that are not line figures.
    var pgfplots: String? {
        guard isLineFigure else { return nil }
        var text = """
            % Replot \(id) with pgfplots: \\usepackage{pgfplots} and \(id).csv beside the .tex file.
            % initlab layer={panel}{layer} keeps the rows of one drawn curve.
            \\pgfplotsset{initlab layer/.style 2 args={x filter/.append code={%
              \\ifnum\\thisrow{panel}=#1\\relax\\ifnum\\thisrow{layer}=#2\\relax\\else\\def\\pgfmathresult{nan}\\fi
              \\else\\def\\pgfmathresult{nan}\\fi}}}

            """
        for (panelIndex, panel) in figure.panels.enumerated() {
            var options = ["unbounded coords=jump", "legend pos=outer north east", "width=0.8\\linewidth"]
            if let title = panel.title { options.append("title={\(Self.tex(title))}") }
            if let label = panel.x.label ?? figure.xLabel {
                options.append("xlabel={\(Self.tex(label))}")
            }
            if let label = panel.y.label ?? figure.yLabel {
                options.append("ylabel={\(Self.tex(label))}")
            }
            if panel.x.scale == .log { options.append("xmode=log") }
            if panel.y.scale == .log { options.append("ymode=log") }
            text += "\\begin{tikzpicture}\n\\begin{axis}[\(options.joined(separator: ", "))]\n"
            for (layerIndex, layer) in panel.layers.enumerated() {
                guard case .line(let line) = layer, line.opacity >= 1 else { continue }
                text +=
                    "\\addplot+[no markers, initlab layer={\(panelIndex)}{\(layerIndex)}] table[x=x, y=y, col sep=comma]{\(id).csv};\n"
                text +=
                    "\\addlegendentry{\(Self.tex(seriesName(style: line.style, color: line.color)))}\n"
            }
            text += "\\end{axis}\n\\end{tikzpicture}\n"
        }
        return text
    }

    /// `text` for TeX, with the symbols InitLab's labels use spelled in TeX, so the snippet
    /// compiles with pdflatex as well as with lualatex.
    static func tex(_ text: String) -> String {
        let symbols: [Character: String] = [
            "√": "\\ensuremath{\\surd}", "²": "\\textsuperscript{2}", "σ": "\\ensuremath{\\sigma}",
            "ξ": "\\ensuremath{\\xi}", "χ": "\\ensuremath{\\chi}", "−": "\\ensuremath{-}",
            "×": "\\ensuremath{\\times}", "±": "\\ensuremath{\\pm}", "≈": "\\ensuremath{\\approx}",
            "ℓ": "\\ensuremath{\\ell}", "·": "\\ensuremath{\\cdot}",
        ]
        return FigureCitation.escapeTeX(text).map { symbols[$0] ?? String($0) }.joined()
    }

    /// Shortest text that reads back as the same Double; NaN as pandas and R spell it.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// RFC 4180 quoting when needed.
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
