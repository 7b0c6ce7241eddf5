import Foundation
import Mustache
import Spec

/// index.html of one experiment's report. Every user-supplied string goes through `{{ }}`, which
/// HTML-escapes it; only the project's own stylesheet is inserted raw.
enum ExperimentPage {
    static func html(for content: ReportContent, links: ReportLinks = .relative) -> String {
        template.render(context(for: content, links: links))
    }

    static func context(for content: ReportContent, links: ReportLinks) -> [String: Any] {
        let spec = content.spec
        let provenance = content.provenance
        let data = Dictionary(uniqueKeysWithValues: FigureData.all(for: content).map { ($0.id, $0) })
        let figures: [[String: Any]] = content.figures.enumerated().map { index, figure in
            let citation = FigureCitation(figure: figure, content: content)
            return [
                "csv": data[figure.id] == nil ? false : links.url(for: "figures/\(figure.id).csv"),
                "pgfplots": data[figure.id]?.pgfplots ?? false,
                "id": figure.id,
                "bibtex": citation.bibtex,
                "latex": citation.latex,
                "number": index + 1,
                "title": figure.title,
                "caption": figure.caption,
                "png": links.url(for: "figures/\(figure.id).png"),
                "pdf": links.url(for: "figures/\(figure.id).pdf"),
                "svg": links.url(for: "figures/\(figure.id).svg"),
                "alt": "Figure \(index + 1): \(figure.title)",
                // Shown at its print width (a little enlarged for screens), never wider than the page.
                "displayWidth": Int((figure.widthInches * 110).rounded()),
            ]
        }
        let summary = ResultTables.summary(for: content.result)
        let details = ResultTables.details(for: content.result)
        var facts: [[String: String]] = [
            ["term": "Experiment id", "value": spec.id],
            ["term": "Kind", "value": spec.kind.rawValue],
            [
                "term": "Root seed",
                "value": String(spec.seed) + (provenance.seedOverridden ? " (set with --seed)" : ""),
            ],
            ["term": "Spec SHA-256", "value": content.specHash],
            ["term": "Rerun", "value": provenance.rerunCommand],
        ]
        if case .activations(let activations) = content.result.body {
            facts.insert(["term": "Input", "value": activations.input], at: 2)
        }
        let provenanceRows: [[String: String]] =
            [
                ["term": "Root seed", "value": String(spec.seed)],
                ["term": "Spec file", "value": "\(provenance.specFile) (SHA-256 \(provenance.specFileSHA256))"],
                ["term": "Resolved spec SHA-256", "value": content.specHash],
                ["term": "InitLab", "value": provenance.toolVersion],
                ["term": "Code", "value": provenance.codeDescription],
                ["term": "Swift", "value": provenance.swiftVersion],
                [
                    "term": "Build",
                    "value":
                        "\(provenance.buildConfiguration), \(provenance.threads) thread\(provenance.threads == 1 ? "" : "s")",
                ],
                ["term": "Operating system", "value": provenance.operatingSystem],
                [
                    "term": "Cairo / FreeType / pixman",
                    "value": "\(provenance.cairoVersion) / \(provenance.freetypeVersion) / \(provenance.pixmanVersion)",
                ],
                ["term": "Font", "value": "\(provenance.fontFile) (SHA-256 \(provenance.fontSHA256))"],
            ] + provenance.dataFiles.map { ["term": "Data file", "value": "\($0.path) (SHA-256 \($0.sha256))"] } + [
                ["term": "Wall time", "value": NumberFormat.seconds(provenance.wallTimeSeconds)],
                ["term": "Rerun command", "value": provenance.rerunCommand],
            ]
        return [
            "title": spec.title,
            "description": spec.description,
            "stylesheet": Stylesheet.css,
            "policy": PageScript.copyButtons.policyTag,
            "script": PageScript.copyButtons.element,
            "facts": facts,
            "hasFigures": !figures.isEmpty,
            "figures": figures,
            "narrative": NarrativeSection.render(content)?.html ?? false,
            "summaryTable": summary.map { $0.context(number: 1) } ?? false,
            "tables": details.enumerated().map { $1.context(number: $0 + (summary == nil ? 1 : 2)) },
            "notes": ResultTables.notes(for: content.result),
            "specText": content.specText,
            "resultsLink": links.url(for: "results.json"),
            "manifestLink": links.url(for: "manifest.json"),
            "notebookLink": links.url(for: ReportNotebook.fileName),
            "specLink": links.url(for: "spec.json"),
            "indexLink": links.isInline ? false : "../index.html",
            "provenance": provenanceRows,
            "hasReferences": !spec.references.isEmpty,
            "references": spec.references.map { reference -> [String: Any] in
                ["key": reference.key, "citation": reference.citation, "url": link(of: reference) ?? false]
            },
        ]
    }

    /// The reference's URL when it is safe as an `href` (validation refuses others; this guards
    /// references made in code): an unsafe one is left out, the citation stays.
    static func link(of reference: Reference) -> String? {
        reference.url.flatMap { Reference.isSafeLink($0) ? $0 : nil }
    }

    static let template = PageTemplate.compile(
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        {{{policy}}}
        <title>{{title}} · InitLab</title>
        <style>
        {{{stylesheet}}}
        </style>
        </head>
        <body>
        <main>
        <header class="page">
        <p class="crumbs">{{#indexLink}}<a href="{{.}}">InitLab reports</a>{{/indexLink}}{{^indexLink}}InitLab report{{/indexLink}}</p>
        <h1>{{title}}</h1>
        </header>
        <nav class="toc"><a href="#summary">Summary</a>{{#hasFigures}}<a href="#figures">Figures</a>{{/hasFigures}}<a href="#tables">Tables</a><a href="#spec">Spec</a><a href="#provenance">Provenance</a>{{#hasReferences}}<a href="#references">References</a>{{/hasReferences}}</nav>
        <section id="summary">
        <h2>Summary</h2>
        <p class="lead">{{description}}</p>
        {{#narrative}}<div class="narrative">{{{.}}}</div>
        {{/narrative}}
        <dl class="facts">
        {{#facts}}<dt>{{term}}</dt><dd>{{value}}</dd>
        {{/facts}}
        </dl>
        {{#summaryTable}}
        <div class="table-wrap"><table id="{{id}}"><caption><span class="number">Table {{number}}.</span> {{caption}}</caption>
        <thead><tr>{{#headers}}<th>{{.}}</th>{{/headers}}</tr></thead>
        <tbody>{{#rows}}<tr><td>{{first}}</td>{{#rest}}<td>{{.}}</td>{{/rest}}</tr>
        {{/rows}}</tbody></table></div>
        {{/summaryTable}}
        </section>
        {{#hasFigures}}
        <section id="figures">
        <h2>Figures</h2>
        {{#figures}}
        <figure id="{{id}}">
        <a href="{{png}}"><img src="{{png}}" alt="{{alt}}" title="{{id}}" style="width: {{displayWidth}}px" loading="lazy"></a>
        <figcaption><span class="number">Figure {{number}}.</span> <strong>{{title}}.</strong> {{caption}}
        <div class="downloads">Cite as <code>{{id}}</code> · <a href="{{pdf}}" download="{{id}}.pdf">PDF</a><a href="{{png}}" download="{{id}}.png">PNG (300 dpi)</a><a href="{{svg}}" download="{{id}}.svg">SVG</a>{{#csv}}<a href="{{.}}" download="{{id}}.csv">Data (CSV)</a>{{/csv}}</div>
        </figcaption>
        <details class="cite"><summary>Cite this figure (BibTeX, LaTeX{{#pgfplots}}, pgfplots from the CSV{{/pgfplots}})</summary>
        <div class="snippet"><button type="button" class="copy" data-target="{{id}}-bibtex">Copy BibTeX</button><pre id="{{id}}-bibtex"><code>{{bibtex}}</code></pre></div>
        <div class="snippet"><button type="button" class="copy" data-target="{{id}}-latex">Copy LaTeX</button><pre id="{{id}}-latex"><code>{{latex}}</code></pre></div>
        {{#pgfplots}}<div class="snippet"><button type="button" class="copy" data-target="{{id}}-pgfplots">Copy pgfplots</button><pre id="{{id}}-pgfplots"><code>{{.}}</code></pre></div>
        {{/pgfplots}}
        </details>
        </figure>
        {{/figures}}
        </section>
        {{/hasFigures}}
        <section id="tables">
        <h2>Tables</h2>
        {{#tables}}
        <div class="table-wrap"><table id="{{id}}"><caption><span class="number">Table {{number}}.</span> {{caption}}</caption>
        <thead><tr>{{#headers}}<th>{{.}}</th>{{/headers}}</tr></thead>
        <tbody>{{#rows}}<tr><td>{{first}}</td>{{#rest}}<td>{{.}}</td>{{/rest}}</tr>
        {{/rows}}</tbody></table></div>
        {{/tables}}
        {{#notes}}<p class="note">{{.}}</p>
        {{/notes}}
        <p class="note">Machine-readable: <a href="{{resultsLink}}" download="results.json">results.json</a> · <a href="{{manifestLink}}" download="manifest.json">manifest.json</a> · <a href="{{notebookLink}}" download="report.ipynb">report.ipynb</a> (Jupyter: the narrative, the spec, and every figure redrawn from its CSV)</p>
        </section>
        <section id="spec">
        <h2>Spec as run</h2>
        <p class="note">Every default filled in; this is what the spec hash covers (<a href="{{specLink}}" download="spec.json">spec.json</a>).</p>
        <pre><code>{{specText}}</code></pre>
        </section>
        <section id="provenance">
        <h2>Provenance</h2>
        <dl class="facts">
        {{#provenance}}<dt>{{term}}</dt><dd>{{value}}</dd>
        {{/provenance}}
        </dl>
        </section>
        {{#hasReferences}}
        <section id="references">
        <h2>References</h2>
        <ol class="references">
        {{#references}}<li id="ref-{{key}}">{{citation}}{{#url}} <a href="{{.}}">{{.}}</a>{{/url}}</li>
        {{/references}}
        </ol>
        </section>
        {{/hasReferences}}
        </main>
        {{{script}}}
        </body>
        </html>

        """)
}
