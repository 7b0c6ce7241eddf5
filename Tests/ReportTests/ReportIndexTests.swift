import Foundation
import Testing

@testable import Report

/// Reports/index.html and the escaping of user strings on every page.
@Suite struct ReportIndexTests {
    @Test func indexListsEveryReportFromItsManifest() throws {
        let scratch = try ReportFixture.Scratch()
        #expect(ReportIndex.html([]).contains("No reports yet"))
        try ReportWriter.write(try ReportFixture.content(id: "b-second", title: "Second"), to: scratch.url)
        try ReportWriter.write(try ReportFixture.content(id: "a-first", title: "First"), to: scratch.url)
        // A folder without a readable manifest is not a report.
        try FileManager.default.createDirectory(
            at: scratch.url.appendingPathComponent("not-a-report"), withIntermediateDirectories: false)
        let entries = ReportIndex.entries(in: scratch.url)
        #expect(entries.map(\.id) == ["a-first", "b-second"] && entries.map(\.title) == ["First", "Second"])
        #expect(entries[0].kind == "activations" && entries[0].seed == "3" && entries[0].figures.count == 1)
        let page = try String(contentsOf: scratch.url.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("2 experiment report(s)"))
        let figure = entries[0].figures[0].id
        #expect(page.contains("<a href=\"a-first/index.html\"><strong>First</strong></a>"))
        #expect(page.contains("<img src=\"a-first/figures/\(figure).png\""))
        #expect(page.range(of: "a-first")!.lowerBound < page.range(of: "b-second")!.lowerBound)
        // The entry of a report about to be written replaces the one on disk.
        let replaced = ReportIndex.entries(
            in: scratch.url, replacing: ReportIndex.Entry(try ReportFixture.content(id: "a-first", title: "Renamed")))
        #expect(replaced.map(\.title) == ["Renamed", "Second"])
    }

    @Test func userStringsAreEscapedOnEveryPage() throws {
        let content = try ReportFixture.content(title: "<script>alert(\\\"x\\\")</script> & 'q'")
        #expect(content.spec.title == "<script>alert(\"x\")</script> & 'q'")
        let files = ReportWriter.files(for: content)
        let page = String(decoding: files["index.html"]!, as: UTF8.self)
        #expect(!page.contains("<script>alert") && page.contains("&lt;script&gt;alert"))
        #expect(page.contains("&amp;"))
        // The description is escaped too.
        #expect(page.contains("&lt;b&gt;bold&lt;/b&gt;") && !page.contains("<b>bold</b>"))
        let index = ReportIndex.html([ReportIndex.Entry(content)])
        #expect(!index.contains("<script>alert") && index.contains("&lt;script&gt;"))
        // The manifest keeps the exact string.
        #expect(try Manifest(parsing: files["manifest.json"]!).title == content.spec.title)
    }
}
