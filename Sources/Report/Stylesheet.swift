/// The reports' own style: no CDN, no web fonts; readable on a phone, clean on paper.
enum Stylesheet {
    static let css = """
        :root { --ink: #1d1d1f; --muted: #5f6368; --rule: #d9dce1; --accent: #0072b2; --paper: #ffffff; --tint: #f5f7fa; }
        * { box-sizing: border-box; }
        html { font-size: 16px; }
        body { margin: 0; overflow-wrap: break-word; color: var(--ink); background: var(--paper);
               font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; line-height: 1.5; }
        main { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
        a { color: var(--accent); }
        header.page { border-bottom: 1px solid var(--rule); margin-bottom: 1.25rem; }
        .crumbs { font-size: 0.85rem; color: var(--muted); margin: 0; }
        h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.4rem 0 0.6rem; }
        h2 { font-size: 1.2rem; margin: 2.2rem 0 0.8rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--rule); }
        h3 { font-size: 1rem; margin: 1.4rem 0 0.5rem; }
        p.lead { font-size: 1rem; color: #333; max-width: 52rem; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; font-size: 0.9rem; margin: 0.8rem 0 1.2rem; }
        dl.facts dt { color: var(--muted); }
        dl.facts dd { margin: 0; overflow-wrap: anywhere; }
        nav.toc { font-size: 0.9rem; margin: 0 0 1rem; display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; }
        nav.toc a { white-space: nowrap; }
        figure { margin: 1.5rem 0 2rem; }
        figure img { display: block; max-width: 100%; height: auto; border: 1px solid var(--rule); background: #fff; }
        figcaption { font-size: 0.9rem; margin-top: 0.6rem; max-width: 52rem; }
        figcaption .number { font-weight: bold; }
        .downloads { font-size: 0.85rem; color: var(--muted); margin-top: 0.3rem; }
        .downloads a { margin-right: 0.6rem; }
        details.cite { margin-top: 0.5rem; font-size: 0.85rem; max-width: 52rem; }
        details.cite summary { cursor: pointer; color: var(--accent); }
        .snippet { position: relative; }
        .snippet pre { margin: 0.4rem 0 0.6rem; white-space: pre-wrap; }
        button.copy { position: absolute; top: 0.3rem; right: 0.3rem; font-size: 0.75rem; padding: 0.15rem 0.5rem;
                      border: 1px solid var(--rule); background: #fff; border-radius: 3px; cursor: pointer; }
        .table-wrap { overflow-x: auto; margin: 0.5rem 0 1.2rem; }
        table { border-collapse: collapse; font-size: 0.85rem; min-width: 24rem; }
        caption { text-align: left; font-size: 0.9rem; color: var(--muted); padding-bottom: 0.4rem; }
        th, td { padding: 0.3rem 0.7rem; border-bottom: 1px solid var(--rule); text-align: right; font-variant-numeric: tabular-nums; }
        th { background: var(--tint); font-weight: 600; }
        th:first-child, td:first-child { text-align: left; }
        td.text { text-align: left; }
        pre { background: var(--tint); border: 1px solid var(--rule); padding: 0.8rem; overflow-x: auto; font-size: 0.8rem; line-height: 1.4; }
        code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.85em; overflow-wrap: anywhere; }
        .note { font-size: 0.85rem; color: var(--muted); }
        .warning { border-left: 4px solid #d55e00; background: #fff4ec; padding: 0.5rem 0.8rem; font-size: 0.9rem; }
        .narrative { max-width: 52rem; }
        .narrative h3, .narrative h4 { margin: 1.2rem 0 0.4rem; }
        div.equation { display: flex; align-items: center; margin: 0.8rem 0; padding: 0.2rem 0; overflow-x: auto; overflow-y: hidden; }
        div.equation math { flex: 1; }
        .equation-number { margin-left: 1rem; color: var(--muted); }
        math { font-size: 1.1em; }
        .finding { font-variant-numeric: tabular-nums; }
        .unresolved { color: #d55e00; font-weight: bold; }
        .footnotes { font-size: 0.85rem; border-top: 1px solid var(--rule); margin-top: 1rem; }
        figure:target, table:target, div.equation:target, li:target { outline: 2px solid var(--accent); outline-offset: 4px; }
        ol.references li { margin-bottom: 0.4rem; font-size: 0.9rem; }
        ul.reports { list-style: none; padding: 0; }
        form.filter { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; font-size: 0.9rem; margin: 0.5rem 0; }
        form.filter[hidden], ul.reports li[hidden] { display: none; }
        form.filter input { min-width: 14rem; }
        ul.reports li { border-bottom: 1px solid var(--rule); padding: 0.9rem 0; }
        ul.reports .meta { font-size: 0.85rem; color: var(--muted); }
        .thumbs { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.5rem; }
        .thumbs img { height: 5.5rem; width: auto; border: 1px solid var(--rule); background: #fff; }
        @media (max-width: 40rem) {
          main { padding: 1rem 0.8rem 3rem; }
          h1 { font-size: 1.3rem; }
          dl.facts { grid-template-columns: 1fr; }
          dl.facts dd { margin-bottom: 0.4rem; }
        }
        @media print {
          nav.toc, .downloads, .crumbs, details.cite { display: none; }
          main { max-width: none; padding: 0; }
          figure, table, pre { break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
          pre { white-space: pre-wrap; }
        }
        """
}
