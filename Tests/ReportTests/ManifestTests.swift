import Foundation
import Hashing
import Testing

@testable import Report

/// manifest.json: written and read by one type, every file listed, its own digest beside it.
@Suite struct ManifestTests {
    @Test func writerFileSetIsListedInTheManifestWithItsHashes() throws {
        let content = try ReportFixture.content()
        let files = ReportWriter.files(for: content)
        let figure = try #require(content.figures.first)
        #expect(
            Set(files.keys)
                == [
                    "index.html", "results.json", "spec.json", "manifest.json", "manifest.sha256",
                    "figures/\(figure.id).png", "figures/\(figure.id).pdf", "figures/\(figure.id).svg",
                    "figures/\(figure.id).csv", "report.ipynb",
                ])
        let manifest = try Manifest(parsing: try #require(files["manifest.json"]))
        #expect(Set(manifest.files.map(\.path)) == Set(files.keys).subtracting(["manifest.json", "manifest.sha256"]))
        for entry in manifest.files {
            #expect(entry.sha256 == SHA256.hash(try #require(files[entry.path])).hex, "\(entry.path)")
        }
        let digest = String(decoding: try #require(files["manifest.sha256"]), as: UTF8.self)
        #expect(digest == "\(SHA256.hash(files["manifest.json"]!).hex)  manifest.json\n")
        #expect(Manifest.recordedDigest(in: digest) == SHA256.hash(files["manifest.json"]!).hex)
    }

    @Test func manifestRoundTripsExactly() throws {
        let content = try ReportFixture.content(title: "Quotes \\\" and \\\\ and\\nnewline, ünïcode")
        let files = ReportWriter.files(for: content, selfContained: true)
        let bytes = try #require(files["manifest.json"])
        let manifest = try Manifest(parsing: bytes)
        let attachments = ReportWriter.attachments(for: content).keys.sorted()
        #expect(!attachments.isEmpty && manifest.attachments.map(\.path) == attachments)
        #expect(
            manifest == Manifest(content: content, files: files, attachments: attachments, selfContained: true))
        #expect(Data(manifest.text.utf8) == bytes, "reading and writing back changes the bytes")
        #expect(manifest.title == "Quotes \" and \\ and\nnewline, ünïcode")
        #expect(manifest.seed == 3 && manifest.kind == "activations" && manifest.selfContained)
        #expect(manifest.data == ReportFixture.provenance.dataFiles && manifest.wallTimeSeconds == 0.123)
        #expect(manifest.arrays.map(\.name) == content.result.arrays.map(\.name))
        #expect(manifest.figures.map(\.id) == content.figures.map(\.id))
    }

    @Test func unreadableManifestsNameTheKey() throws {
        let content = try ReportFixture.content()
        let text = String(decoding: ReportWriter.files(for: content)["manifest.json"]!, as: UTF8.self)
        let cases: [(String, String)] = [
            (text.replacingOccurrences(of: "\"format_version\": 3", with: "\"format_version\": 1"), "/format_version"),
            (
                text.replacingOccurrences(of: "\"seed\": 3", with: "\"seed\": \"3\""),
                "/seed: expected a non-negative integer"
            ),
            (text.replacingOccurrences(of: "\"pixel_sha256\"", with: "\"pixels\""), "/figures/0/pixel_sha256: missing"),
            (text.replacingOccurrences(of: "\"page\": {", with: "\"page\": [{"), "after an array element"),
            ("", "end of file"),
        ]
        for (edited, message) in cases {
            #expect(edited != text)
            let error = #expect(throws: ManifestError.self) { try Manifest(parsing: Data(edited.utf8)) }
            #expect(error?.description.contains(message) == true, "\(error?.description ?? "no error")")
            #expect(error?.isOtherFormat == (message == "/format_version"), "only another format is not damage")
        }
    }

    @Test func digestLinesMustBeExact() {
        let hash = String(repeating: "0", count: 63) + "f"
        #expect(Manifest.recordedDigest(in: "\(hash)  manifest.json\n") == hash)
        for text in [
            "\(hash)  manifest.json", "\(hash.uppercased())  manifest.json\n", "\(hash) manifest.json\n",
            "\(hash)  other.json\n", "\(hash)  manifest.json\n\n", "abc  manifest.json\n",
        ] {
            #expect(Manifest.recordedDigest(in: text) == nil, "\(text)")
        }
    }
}
