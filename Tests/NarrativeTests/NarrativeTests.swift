import Testing

@testable import Narrative

/// Markdown through Ink, with math, cross-references, citations, findings and footnotes, and no
/// author HTML coming through.
@Suite struct NarrativeTests {
    let context = Narrative.Context(
        references: ["fig-loss": .init(label: "Figure 2", anchor: "fig-demo-loss")],
        citations: [
            "he2015": .init(label: "1", anchor: "ref-he2015"),
            "glorot2010": .init(label: "2", anchor: "ref-glorot2010"),
        ],
        findings: ["final_loss.He": "0.123"])

    @Test func markdownBasicsRender() {
        let html = Narrative.render("# Question\n\nWhy *does* **He** work? `code`\n\n- one\n- two\n", context: context)
            .html
        #expect(html.contains("<h3>Question</h3>"))
        #expect(
            html.contains("<em>does</em>") && html.contains("<strong>He</strong>") && html.contains("<code>code</code>")
        )
        #expect(html.contains("<ul><li>one</li><li>two</li></ul>"))
        let table = Narrative.render("| a | b |\n| - | - |\n| 1 | 2 |\n").html
        #expect(table.contains("<table>") && table.contains("<td>2</td>"))
    }

    @Test func mathIsExtractedBeforeMarkdown() {
        // Without extraction Ink would read the underscores and stars as emphasis.
        let html = Narrative.render(#"Var is $\frac{2}{n_{in}} * a_b * c_d$ here."#).html
        #expect(html.contains("<math xmlns=") && html.contains("<mfrac>"))
        #expect(!html.contains("<em>"))
        let display = Narrative.render("Text.\n\n$$\nW \\sim \\mathcal{N}(0, \\sigma^2)\n$$ {#eq-he}\n\nSee @eq-he.")
            .html
        #expect(
            display.contains(
                "<div class=\"equation\" id=\"eq-he\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">"
            ))
        #expect(display.contains("<span class=\"equation-number\">(1)</span></div>"))
        #expect(display.contains("<a href=\"#eq-he\" class=\"cross-reference\">Equation (1)</a>"))
        // Dollars in code, escaped dollars and prices are not math.
        let code = Narrative.render("`$x$` and \\$5 and $5 or $10").html
        #expect(!code.contains("<math") && code.contains("<code>$x$</code>") && code.contains("$5"))
    }

    @Test func crossReferencesAndCitationsResolve() {
        let rendered = Narrative.render(
            "As @fig-loss shows [@he2015; @glorot2010], mail a@fig-x.org.", context: context)
        #expect(rendered.html.contains("<a href=\"#fig-demo-loss\" class=\"cross-reference\">Figure 2</a> shows"))
        #expect(
            rendered.html.contains(
                "[<a href=\"#ref-he2015\" class=\"citation\">1</a>, <a href=\"#ref-glorot2010\" class=\"citation\">2</a>]"
            ))
        #expect(rendered.html.contains("a@fig-x.org"))
        #expect(rendered.problems.isEmpty && rendered.citedKeys == ["he2015", "glorot2010"])
        let broken = Narrative.render("See @fig-los and [@he2016] and {{finding.nope}}.", context: context)
        #expect(broken.problems.map(\.kind) == [.reference, .citation, .finding])
        #expect(broken.html.contains("?@fig-los"))
    }

    @Test func findingsAreInterpolatedEscaped() {
        let html = Narrative.render("Final loss {{finding.final_loss.He}}.", context: context).html
        #expect(html == "<p>Final loss <span class=\"finding\">0.123</span>.</p>")
        let hostile = Narrative.render("{{finding.x}}", context: .init(findings: ["x": "<b>"])).html
        #expect(hostile.contains("&lt;b&gt;") && !hostile.contains("<b>"))
    }

    @Test func footnotesAreNumberedAndListed() {
        let html = Narrative.render("Claim[^a] and more[^b].\n\n[^b]: Second.\n[^a]: First *note*.").html
        #expect(html.contains("<sup class=\"footnote-ref\"><a href=\"#fn-a\" id=\"fnref-a\">1</a></sup>"))
        #expect(html.contains("<li id=\"fn-a\"><p>First <em>note</em>.</p> <a href=\"#fnref-a\""))
        #expect(html.range(of: "fn-a\">")!.lowerBound < html.range(of: "<li id=\"fn-b\">")!.lowerBound)
        #expect(Narrative.mentions(in: "x[^z]").footnotesWithoutDefinition == ["z"])
    }

    @Test func mentionsListEverythingNamed() {
        let mentions = Narrative.mentions(in: "@fig-a @tbl-b [@k1; @k2] {{finding.f.x}} $$x$$ {#eq-c} $\\bogus$")
        #expect(mentions.references == ["fig-a", "tbl-b"] && mentions.citations == ["k1", "k2"])
        #expect(
            mentions.findings == ["f.x"] && mentions.equationLabels == ["eq-c"] && mentions.unknownTeX == ["\\bogus"])
    }

    @Test func rawHTMLIsEscapedNotPassed() {
        let hostile = """
            <script>alert(1)</script>

            Text <img src=x onerror=alert(1)> and <b>bold</b> &amp; <!-- c -->

            [click](javascript:alert(1)) [ok](https://example.org) [q](https://a.org/"onmouseover="alert(1))
            ![i](javascript:alert(2))

            [ref]: javascript:alert(3)

            [r][ref] $\\text{</math><script>alert(4)</script>}$
            """
        let html = Narrative.render(hostile).html
        #expect(!html.contains("<script") && !html.contains("<img src=x") && !html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && html.contains("&amp;amp;"))
        #expect(!html.lowercased().contains("javascript:") || !html.contains("href=\"javascript"))
        #expect(!html.contains("href=\"javascript") && !html.contains("src=\"javascript"))
        #expect(!html.contains("onmouseover=\"") && html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("<a href=\"https://example.org\">ok</a>"))
        #expect(html.contains("<a>click</a>") && !html.contains("<img"))
        // The placeholders cannot be forged.
        #expect(Narrative.render("\u{E000}0\u{E001} \u{E002}b>").html == "<p>0 b&gt;</p>")
    }

    @Test func sameTextSameBytes() {
        let text = "# T\n\n$$\\sum_i x_i$$ {#eq-s}\n\n@eq-s, @fig-loss [@he2015]"
        #expect(Narrative.render(text, context: context).html == Narrative.render(text, context: context).html)
    }
}

/// The Markdown form for notebooks.
@Suite struct NarrativeMarkdownTests {
    @Test func referencesBecomeTextAndMathStaysTeX() {
        let context = Narrative.Context(
            references: ["fig-loss": .init(label: "Figure 2", anchor: "fig-d-loss")],
            citations: ["he2015": .init(label: "1", anchor: "ref-he2015")], findings: ["a.b": "0.5 ± 0.1"])
        let text = Narrative.markdown(
            "See @fig-loss [@he2015], {{finding.a.b}}.\n\n$$x < y$$ {#eq-a}\n\n@eq-a and $a_b$ <script>",
            context: context)
        #expect(text == "See Figure 2 [1], 0.5 ± 0.1.\n\n$$x \\lt  y \\tag{1}$$\n\nEquation (1) and $a_b$ &lt;script>")
    }
}
