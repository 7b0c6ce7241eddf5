import Foundation
import Testing

/// Report pages in headless Chromium: a hostile narrative runs nothing, and the index's filter
/// works with JavaScript (and lists everything without).
@Suite(.enabled(if: Browser.executable != nil, Browser.skipReason)) struct NarrativeBrowserTests {
    /// Every payload tries to mark the page; none may succeed.
    static let hostile = #"""
        # Hostile <script>document.body.setAttribute('data-pwned','script')</script>

        <img src=x onerror="document.body.setAttribute('data-pwned','img')"> <svg onload="document.body.setAttribute('data-pwned','svg')"></svg>

        <iframe srcdoc="<script>parent.document.body.setAttribute('data-pwned','iframe')</script>"></iframe>

        [click](javascript:document.body.setAttribute('data-pwned','link')) [tab](java	script:alert(1)) [q](https://x.org/"onmouseover="document.body.setAttribute('data-pwned','attr'))

        ![i](javascript:alert(1)) [ref][r] `<script>alert(1)</script>` $\text{</math><img src=x onerror=alert(1)>}$

        [r]: javascript:document.body.setAttribute('data-pwned','reference')

        {{finding.summary.glorot.std_layer_2}} and @fig-histograms
        """#

    static func spec(narrative: String) throws -> String {
        let encoded = String(
            decoding: try JSONSerialization.data(withJSONObject: [narrative], options: []), as: UTF8.self)
        return """
            {"id": "hostile", "title": "Hostile", "kind": "activations", "seed": 5,
             "narrative": \(encoded.dropFirst().dropLast()),
             "input": {"distribution": "normal", "count": 32, "dimension": 8},
             "network": {"depth": 2, "width": 8, "activation": "tanh", "initializer": "glorot-normal"},
             "variants": [{"label": "Glorot", "key": "glorot", "initializer": "glorot-normal"}],
             "histogram": {"bins": 8, "range": "auto"},
             "figures": [{"type": "histograms", "size": "column"}]}
            """
    }

    /// A page that frames `page`, clicks every link of its narrative, and records what it finds:
    /// whether anything marked the framed page, scripts other than the page's own, event-handler
    /// attributes and javascript: links.
    static func inspector(for page: URL) throws -> URL {
        let html = """
            <!DOCTYPE html><html><body><iframe id="f" src="\(page.lastPathComponent)" style="width:1000px;height:800px"></iframe>
            <script>document.getElementById("f").addEventListener("load", function () {
              var d = this.contentDocument, narrative = d.querySelector(".narrative");
              Array.prototype.slice.call(narrative.querySelectorAll("a")).forEach(function (a) { try { a.click(); } catch (e) {} });
              setTimeout(function () {
                var all = Array.prototype.slice.call(narrative.querySelectorAll("*"));
                var handlers = all.filter(function (e) { return Array.prototype.some.call(e.attributes, function (a) { return a.name.indexOf("on") === 0; }); }).length;
                var scripts = d.querySelectorAll("script").length, frames = narrative.querySelectorAll("iframe, svg, img, script").length;
                var links = all.filter(function (e) { var h = e.getAttribute("href") || e.getAttribute("src") || ""; return /^\\s*javascript:/i.test(h); }).length;
                document.body.setAttribute("data-result", [d.body.getAttribute("data-pwned") || "none", scripts, handlers, frames, links, narrative.querySelectorAll("math").length].join("/"));
              }, 500);
            });</script></body></html>
            """
        let url = page.deletingLastPathComponent().appendingPathComponent("inspect-\(page.lastPathComponent)")
        try html.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func hostileNarrativeRunsNothing() throws {
        let workspace = try Workspace()
        try workspace.write("hostile.json", try Self.spec(narrative: Self.hostile))
        let run = try CLI.run(["run", "hostile.json", "--quiet"], in: workspace.url)
        #expect(run.status == 0, "\(run.stderr)")
        let page = workspace.url.appendingPathComponent("Reports/hostile/index.html")
        let dom = try Browser.load(try Self.inspector(for: page), width: 1100)
        // Nothing marked the page; one script (the page's own); no handlers, frames or
        // javascript: links in the narrative; the math is there.
        #expect(Browser.attribute("data-result", in: dom) == "none/1/0/0/0/1", "\(dom.suffix(400))")
    }

    /// The math is typeset (a fraction is taller than its line, a root has its radical) and
    /// every cross-reference and citation lands on an element of the page.
    @Test func mathIsTypesetAndReferencesJump() throws {
        let workspace = try Workspace()
        let narrative = #"""
            He sets $\operatorname{Var}(W) = \frac{2}{n_{\text{in}}}$ and $\sigma = \sqrt{2 / n}$:

            $$W \sim \mathcal{N}\left(0, \frac{2}{n}\right)$$ {#eq-he}

            See @eq-he, @fig-histograms, @tbl-summary and [@he2015].
            """#
        try workspace.write(
            "math.json",
            try Self.spec(narrative: narrative).replacingOccurrences(
                of: "\"id\": \"hostile\"", with: "\"id\": \"math\", \"references\": [\"he2015\"]"))
        let run = try CLI.run(["run", "math.json", "--quiet"], in: workspace.url)
        #expect(run.status == 0, "\(run.stderr)")
        let page = workspace.url.appendingPathComponent("Reports/math/index.html")
        let frame = """
            <!DOCTYPE html><html><body><iframe id="f" src="index.html" style="width:1000px;height:800px"></iframe>
            <script>document.getElementById("f").addEventListener("load", function () {
              var d = this.contentDocument, n = d.querySelector(".narrative");
              var frac = n.querySelector("mfrac").getBoundingClientRect(), mi = n.querySelector("mi").getBoundingClientRect();
              var root = n.querySelector("msqrt").getBoundingClientRect();
              var targets = Array.prototype.slice.call(n.querySelectorAll("a.cross-reference, a.citation")).map(function (a) {
                var target = d.getElementById(a.getAttribute("href").slice(1));
                return target ? target.tagName.toLowerCase() : "missing";
              });
              document.body.setAttribute("data-result", [frac.height > 1.5 * mi.height, root.width > 0, targets.join(",")].join("/"));
            });</script></body></html>
            """
        try frame.write(
            to: page.deletingLastPathComponent().appendingPathComponent("frame.html"), atomically: true, encoding: .utf8
        )
        let dom = try Browser.load(page.deletingLastPathComponent().appendingPathComponent("frame.html"), width: 1100)
        #expect(Browser.attribute("data-result", in: dom) == "true/true/div,figure,table,li", "\(dom.suffix(300))")
    }

    @Test func indexFilterHidesByKindAndSearchAndListsAllWithoutJavaScript() throws {
        let workspace = try Workspace()
        try workspace.write(
            "hostile.json", try Self.spec(narrative: "Standard deviation {{finding.summary.glorot.std_layer_2}}."))
        try workspace.write("other.json", ReproducibilityTests.spec(id: "other"))
        #expect(try CLI.run(["run", "hostile.json", "other.json", "--quiet"], in: workspace.url).status == 0)
        let index = workspace.url.appendingPathComponent("Reports/index.html")
        let html = try String(contentsOf: index, encoding: .utf8)
        #expect(
            html.contains("<form id=\"filter\" class=\"filter\" role=\"search\" hidden>"), "no JavaScript: no dead form"
        )
        let frame = """
            <!DOCTYPE html><html><body><iframe id="f" src="index.html"></iframe>
            <script>document.getElementById("f").addEventListener("load", function () {
              var d = this.contentDocument, search = d.getElementById("search");
              function visible() { return Array.prototype.slice.call(d.querySelectorAll("ul.reports > li")).filter(function (li) { return !li.hidden; }).map(function (li) { return li.id; }).join(","); }
              var all = visible();
              search.value = "standard deviation"; search.dispatchEvent(new Event("input"));
              var found = visible();
              search.value = ""; search.dispatchEvent(new Event("input"));
              search.value = "zzz"; search.dispatchEvent(new Event("input"));
              var none = visible();
              document.body.setAttribute("data-result", [d.getElementById("filter").hidden, all, found, none || "-"].join("/"));
            });</script></body></html>
            """
        try frame.write(
            to: workspace.url.appendingPathComponent("Reports/frame.html"), atomically: true, encoding: .utf8)
        let dom = try Browser.load(workspace.url.appendingPathComponent("Reports/frame.html"), width: 1000)
        #expect(Browser.attribute("data-result", in: dom) == "false/hostile,other/hostile/-", "\(dom.suffix(300))")
    }
}
