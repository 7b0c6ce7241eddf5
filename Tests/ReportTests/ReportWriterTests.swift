import Foundation
import Testing

@testable import Report

/// Report folders on disk: written whole, read back, checked, recovered.
@Suite struct ReportWriterTests {
    @Test func writeCreatesTheFolderAndIndexAndReplacesWhole() throws {
        let scratch = try ReportFixture.Scratch()
        let reports = scratch.url.appendingPathComponent("Reports")
        let folder = try ReportWriter.write(try ReportFixture.content(), to: reports)
        try Data("stray".utf8).write(to: folder.appendingPathComponent("stray.txt"))
        try ReportWriter.write(try ReportFixture.content(), to: reports)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("stray.txt").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: reports.path).sorted() == ["index.html", "small"])
        let stored = try StoredReport.open(folder)
        #expect(stored.problem == nil, "\(stored.checks)")
        #expect(try ReportWriter.recover(in: reports) == [])
    }

    @Test func storedReportFindsEveryKindOfDamage() throws {
        let scratch = try ReportFixture.Scratch()
        let folder = try ReportWriter.write(try ReportFixture.content(), to: scratch.url)
        let results = folder.appendingPathComponent("results.json")
        let original = try Data(contentsOf: results)
        try Data("{}".utf8).write(to: results)
        #expect(try StoredReport.open(folder).problem == "results.json does not match its recorded SHA-256")
        try FileManager.default.removeItem(at: results)
        #expect(try StoredReport.open(folder).problem == "results.json is missing")
        try original.write(to: results)
        try Data().write(to: folder.appendingPathComponent("extra.html"))
        #expect(try StoredReport.open(folder).problem == "extra.html is not listed in the manifest")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("extra.html"))
        let digest = folder.appendingPathComponent("manifest.sha256")
        try FileManager.default.removeItem(at: digest)
        #expect(try StoredReport.open(folder).problem == "manifest.sha256 is missing or malformed")
        try Data((String(repeating: "0", count: 64) + "  manifest.json\n").utf8).write(to: digest)
        #expect(try StoredReport.open(folder).problem == "manifest.json does not match the SHA-256 in manifest.sha256")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("manifest.json"))
        #expect(throws: ManifestError.self) { try StoredReport.open(folder) }
    }

    @Test func recoveryRemovesLeftoversAndRewritesTheIndex() throws {
        let scratch = try ReportFixture.Scratch()
        try ReportWriter.write(try ReportFixture.content(), to: scratch.url)
        let leftover = scratch.url.appendingPathComponent(".small.staging-2147483646-1")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: false)
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("index.html"))
        let lines = try ReportWriter.recover(in: scratch.url)
        #expect(lines.count == 2 && lines[0].hasPrefix("removed \(leftover.path)"), "\(lines)")
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("index.html").path))
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
    }

    @Test func selfContainedPageInlinesEverythingButTheManifest() throws {
        let content = try ReportFixture.content()
        let files = ReportWriter.files(for: content, selfContained: true)
        let page = String(decoding: files["index.html"]!, as: UTF8.self)
        #expect(!page.contains("src=\"figures/") && page.contains("src=\"data:image/png;base64,"))
        #expect(page.contains("href=\"data:application/json;base64,") && page.contains("href=\"manifest.json\""))
        #expect(!page.contains("../index.html"))
        let relative = String(decoding: ReportWriter.files(for: content)["index.html"]!, as: UTF8.self)
        #expect(relative.contains("src=\"figures/\(content.figures[0].id).png\"") && relative.contains("../index.html"))
    }
}
