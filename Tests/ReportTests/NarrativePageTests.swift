import Foundation
import Testing

@testable import Report

/// The narrative on the report page: math, numbered cross-references, citations that point into
/// the reference list, findings from the results.
@Suite struct NarrativePageTests {
    static let narrative = #"""
         "references": ["he2015", "glorot2010"],
         "narrative": "## Question\n\nGlorot sets $\\operatorname{Var}(W) = \\frac{2}{n_{in} + n_{out}}$ [@glorot2010]:\n\n$$\\operatorname{Var}(W) = \\frac{2}{n_{\\text{in}}}$$ {#eq-he}\n\n@eq-he is He's [@he2015]. @fig-histograms and @tbl-summary: std {{finding.summary.glorot.std_layer_2}}.",
        """#

    @Test func narrativeRendersWithNumberedLinks() throws {
        let content = try ReportFixture.content(extra: Self.narrative)
        #expect(content.narrativeProblems.isEmpty, "\(content.narrativeProblems)")
        let page = String(decoding: ReportWriter.files(for: content)["index.html"]!, as: UTF8.self)
        #expect(page.contains("<div class=\"narrative\"><h4>Question</h4>"))
        #expect(page.contains("<mfrac>") && page.contains("<msqrt>") == false)
        let figure = content.figures[0].id
        #expect(page.contains("<a href=\"#\(figure)\" class=\"cross-reference\">Figure 1</a>"))
        #expect(page.contains("<figure id=\"\(figure)\">"))
        #expect(page.contains("<a href=\"#table-summary\" class=\"cross-reference\">Table 1</a>"))
        #expect(page.contains("<table id=\"table-summary\"><caption><span class=\"number\">Table 1.</span>"))
        #expect(page.contains("<a href=\"#ref-he2015\" class=\"citation\">1</a>"))
        #expect(page.contains("<li id=\"ref-he2015\">"))
        #expect(page.contains("<a href=\"#eq-he\" class=\"cross-reference\">Equation (1)</a>"))
        // The finding is the table's own cell.
        let table = try #require(ResultTables.summary(for: content.result))
        let cell = table.rows[0][2]
        #expect(page.contains("std <span class=\"finding\">\(cell)</span>."))
        #expect(!cell.isEmpty)
    }

    @Test func unknownTablesAndFindingsAreReportedWithAMatch() throws {
        let extra = #" "narrative": "@tbl-sumary and {{finding.summary.glorot.std_layer_3}}","#
        let problems = try ReportFixture.content(extra: extra).narrativeProblems
        #expect(problems.count == 2)
        #expect(problems[0].contains("@tbl-sumary") && problems[0].contains("did you mean \"tbl-summary\""))
        #expect(problems[1].contains("finding.summary.glorot.std_layer_3"), "\(problems)")
        #expect(problems[1].contains("did you mean \"summary.glorot.std_layer_"), "\(problems)")
    }
}
