import JSON
import Narrative
import Plotting

/// report.ipynb: the report as a Jupyter notebook (nbformat 4) that a reader already knows how
/// to open: the narrative as Markdown cells, the spec, and code that loads results.json and the
/// figures' CSV files with pandas and redraws each figure with matplotlib.
///
/// It depends on the spec, results and figures only (not on provenance), so a rerun writes the
/// same bytes and `verify` can compare them.
enum ReportNotebook {
    static let fileName = "report.ipynb"

    static func json(for content: ReportContent) -> String {
        let spec = content.spec
        var cells: [JSONValue] = []
        var header =
            "# \(escape(spec.title))\n\nInitLab report `\(spec.id)` (\(spec.kind.rawValue), root seed \(spec.seed))."
        if !spec.description.isEmpty { header += "\n\n" + escape(spec.description) }
        cells.append(markdown(header))
        if !spec.narrative.isEmpty {
            cells.append(markdown(Narrative.markdown(spec.narrative, context: NarrativeSection.context(for: content))))
        }
        if !spec.references.isEmpty {
            let list = spec.references.enumerated().map { index, reference in
                "\(index + 1). " + escape(reference.citation) + (reference.url.map { " " + escape($0) } ?? "")
            }
            cells.append(markdown("## References\n\n" + list.joined(separator: "\n")))
        }
        cells.append(markdown("## Spec as run\n\n```json\n" + content.specText + "\n```"))
        cells.append(
            code(
                """
                import json
                import math

                import matplotlib.pyplot as plt
                import pandas as pd

                with open("results.json") as file:
                    results = json.load(file)
                print("results.json:", ", ".join(results))
                """))
        cells.append(code(replotFunction))
        let layouts = Dictionary(uniqueKeysWithValues: FigureData.all(for: content).map { ($0.id, $0.figure) })
        for (index, figure) in content.figures.enumerated() {
            cells.append(markdown("### Figure \(index + 1): \(escape(figure.title))\n\n" + escape(figure.caption)))
            cells.append(
                code(
                    """
                    data = pd.read_csv("figures/\(figure.id).csv")
                    replot(data, "Figure \(index + 1): \(figure.id)", \(axes(layouts[figure.id])))
                    """))
        }
        let notebook: JSONValue = [
            "cells": .array(cells),
            "metadata": [
                "kernelspec": ["display_name": "Python 3", "language": "python", "name": "python3"],
                "language_info": ["name": "python"],
            ],
            "nbformat": 4,
            "nbformat_minor": 4,
        ]
        return JSONWriter.pretty(notebook)
    }

    /// Draws a figure's CSV: one panel per `panel`, each drawn layer by its `kind`.
    static let replotFunction = """
        def replot(data, title, axes_style=()):
            panels = sorted(data["panel"].unique())
            columns = min(len(panels), 4)
            rows = math.ceil(len(panels) / columns)
            figure, axes = plt.subplots(rows, columns, figsize=(3.6 * columns, 2.8 * rows), squeeze=False)
            for ax in axes.flat[len(panels):]:
                ax.set_visible(False)
            for ax, panel in zip(axes.flat, panels):
                part = data[data["panel"] == panel]
                style = axes_style[panel] if panel < len(axes_style) else {}
                ax.set_xlabel(style.get("xlabel", ""), fontsize=8)
                ax.set_ylabel(style.get("ylabel", ""), fontsize=8)
                if style.get("xlog"):
                    ax.set_xscale("log")
                if style.get("ylog"):
                    ax.set_yscale("log")
                for (layer, kind, series), group in part.groupby(["layer", "kind", "series"], sort=False, dropna=False):
                    label = series if isinstance(series, str) else None
                    if kind == "line":
                        ax.plot(group["x"], group["y"], label=label)
                    elif kind == "raw":
                        ax.plot(group["x"], group["y"], alpha=0.3, linewidth=0.5)
                    elif kind == "band":
                        ax.fill_between(group["x"], group["low"], group["high"], alpha=0.2)
                    elif kind == "bar":
                        ax.bar(group["x"], group["y"], width=group["x_high"] - group["x"], align="edge", alpha=0.5, label=label)
                    elif kind == "cell":
                        grid = group.pivot_table(index="y", columns="x", values="value", dropna=False)
                        xs = sorted(set(group["x"]) | set(group["x_high"]))
                        ys = sorted(set(group["y"]) | set(group["y_high"]))
                        mesh = ax.pcolormesh(xs, ys, grid.to_numpy(), shading="flat")
                        figure.colorbar(mesh, ax=ax)
                    elif kind == "reference":
                        if not math.isnan(group["y"].iloc[0]):
                            ax.axhline(group["y"].iloc[0], color="gray", linestyle=":")
                        else:
                            ax.axvline(group["x"].iloc[0], color="gray", linestyle=":")
                titles = part["panel_title"].dropna()
                if len(titles):
                    ax.set_title(str(titles.iloc[0]), fontsize=9)
                if ax.get_legend_handles_labels()[1]:
                    ax.legend(fontsize=7)
            figure.suptitle(title, fontsize=10)
            figure.tight_layout()
            plt.show()
        """

    /// Each panel's axis labels and log scales as a Python list literal (JSON strings are
    /// Python strings).
    private static func axes(_ figure: Plotting.Figure?) -> String {
        guard let figure else { return "[]" }
        let panels = figure.panels.map { panel in
            let xLabel = JSONWriter.compact(.string(panel.x.label ?? figure.xLabel ?? ""))
            let yLabel = JSONWriter.compact(.string(panel.y.label ?? figure.yLabel ?? ""))
            return
                "{\"xlabel\": \(xLabel), \"ylabel\": \(yLabel), \"xlog\": \(panel.x.scale == .log ? "True" : "False"), "
                + "\"ylog\": \(panel.y.scale == .log ? "True" : "False")}"
        }
        return "[\n    " + panels.joined(separator: ",\n    ") + ",\n]"
    }

    private static func source(_ text: String) -> JSONValue {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\n" }
        if let last = lines.last { lines[lines.count - 1] = String(last.dropLast()) }
        if lines.last == "" { lines.removeLast() }
        return .array(lines.map { .string($0) })
    }

    private static func markdown(_ text: String) -> JSONValue {
        ["cell_type": "markdown", "metadata": [:], "source": source(text)]
    }

    private static func code(_ text: String) -> JSONValue {
        ["cell_type": "code", "execution_count": .null, "metadata": [:], "outputs": [], "source": source(text)]
    }

    /// The author's and the results' text in Markdown cells: no raw HTML, no accidental markup.
    private static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case "*", "_", "`", "$", "#", "[", "]", "\\": escaped += "\\" + String(character)
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
