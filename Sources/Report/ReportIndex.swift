import AtomicFiles
import Foundation
import Mustache

/// Reports/index.html: every report in the folder, read back from its manifest.
public enum ReportIndex {
    /// One listed report.
    public struct Entry: Sendable {
        public let id: String
        public let title: String
        public let kind: String
        public let seed: String
        public let figures: [(id: String, title: String)]
        /// What the search box looks in besides the title: the description and the narrative
        /// with its findings filled in.
        public let abstract: String

        init(
            id: String, title: String, kind: String, seed: String, figures: [(id: String, title: String)],
            abstract: String
        ) {
            self.id = id
            self.title = title
            self.kind = kind
            self.seed = seed
            self.figures = figures
            self.abstract = abstract
        }

        /// The entry of a report about to be written.
        init(_ content: ReportContent) {
            self.init(
                id: content.spec.id, title: content.spec.title, kind: content.kindName, seed: String(content.spec.seed),
                figures: content.figures.map { ($0.id, $0.title) }, abstract: Manifest.abstract(for: content))
        }
    }

    /// The reports found under `directory` (folders with a readable manifest.json), by id.
    public static func entries(in directory: URL) -> [Entry] {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return folders.sorted().filter { !$0.hasPrefix(".") }.compactMap { folder in
            let url = directory.appendingPathComponent(folder).appendingPathComponent(Manifest.fileName)
            guard let data = try? Data(contentsOf: url), let manifest = try? Manifest(parsing: data),
                manifest.experiment == folder
            else { return nil }
            return Entry(
                id: manifest.experiment, title: manifest.title, kind: manifest.kind, seed: String(manifest.seed),
                figures: manifest.figures.map { ($0.id, $0.title) }, abstract: manifest.abstract)
        }
    }

    /// The reports under `directory` with `entry` in place of the report of the same id (the
    /// one about to be written).
    static func entries(in directory: URL, replacing entry: Entry) -> [Entry] {
        (entries(in: directory).filter { $0.id != entry.id } + [entry]).sorted { $0.id < $1.id }
    }

    /// The index page listing `entries`.
    static func html(_ entries: [Entry]) -> String { template.render(context(entries)) }

    /// Rewrites `directory/index.html` atomically from the reports present.
    public static func write(in directory: URL) throws {
        try AtomicFile.write(
            Data(html(entries(in: directory)).utf8), to: directory.appendingPathComponent("index.html"))
    }

    static func context(_ entries: [Entry]) -> [String: Any] {
        [
            "stylesheet": Stylesheet.css,
            "policy": PageScript.indexFilter.policyTag,
            "script": PageScript.indexFilter.element,
            "count": entries.count,
            "kinds": Array(Set(entries.map(\.kind))).sorted(),
            "reports": entries.map { entry -> [String: Any] in
                [
                    "id": entry.id, "title": entry.title, "kind": entry.kind, "seed": entry.seed,
                    "searchText": [entry.title, entry.id, entry.kind, entry.abstract].joined(separator: " ")
                        .lowercased(),
                    "figureCount": entry.figures.count,
                    "figures": entry.figures.enumerated().map { index, figure -> [String: Any] in
                        ["id": figure.id, "title": figure.title, "number": index + 1, "experiment": entry.id]
                    },
                ]
            },
            "empty": entries.isEmpty,
        ]
    }

    static let template = PageTemplate.compile(
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        {{{policy}}}
        <title>InitLab reports</title>
        <style>
        {{{stylesheet}}}
        </style>
        </head>
        <body>
        <main>
        <header class="page"><h1>InitLab reports</h1>
        <p class="lead">{{count}} experiment report(s). Each page shows the spec as run, numbered figures with stable ids, tables and provenance; rerun any of them by its seed and compare the bytes.</p>
        </header>
        {{#empty}}<p>No reports yet: run <code>make report</code>.</p>{{/empty}}
        <form id="filter" class="filter" role="search" hidden><label>Kind <select id="kind"><option value="">all kinds</option>{{#kinds}}<option value="{{.}}">{{.}}</option>{{/kinds}}</select></label> <label>Search <input id="search" type="search" placeholder="titles and findings"></label> <span id="shown" class="note" aria-live="polite"></span></form>
        <ul class="reports">
        {{#reports}}
        <li id="{{id}}" data-kind="{{kind}}" data-text="{{searchText}}"><a href="{{id}}/index.html"><strong>{{title}}</strong></a>
        <div class="meta"><code>{{id}}</code> · kind {{kind}} · seed {{seed}} · {{figureCount}} figure(s)</div>
        <div class="thumbs">{{#figures}}<a href="{{experiment}}/index.html#{{id}}" title="{{id}} · Figure {{number}}: {{title}}"><img src="{{experiment}}/figures/{{id}}.png" alt="Figure {{number}}: {{title}}" loading="lazy"></a>{{/figures}}</div>
        </li>
        {{/reports}}
        </ul>
        </main>
        {{{script}}}
        </body>
        </html>

        """)
}
