import Foundation
import Spec
import Testing

/// Hostile spec files are refused quickly with a message naming the file and what was exceeded;
/// a bounded number of problems is listed, and every problem up to that bound.
@Suite struct SpecLimitTests {
    static func problem(_ text: String) -> String? {
        do {
            _ = try SpecLoader.parse(text, file: "limit.json")
            return nil
        } catch {
            return error.description
        }
    }

    static func withFile(_ bytes: Data, _ body: (String) throws -> Void) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("spec-limit-\(UUID().uuidString).json")
        try bytes.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        try body(url.path)
    }

    static func loadProblem(_ path: String) -> String? {
        do {
            _ = try SpecLoader.load(path: path)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aFileOverTheSizeCapIsRefusedBeforeParsing() throws {
        // 50 MB of unknown keys: refused by size, without reading or parsing it all.
        var text = SpecLoaderTests.minimal.dropLast().description
        let filler = ", \"unknown-key-0000000\": 0"
        text += String(repeating: filler, count: 50_000_000 / filler.utf8.count) + "}"
        try Self.withFile(Data(text.utf8)) { path in
            let clock = ContinuousClock()
            let start = clock.now
            let message = try #require(Self.loadProblem(path))
            #expect(clock.now - start < .seconds(10))
            #expect(message.hasPrefix("\(path): the file is larger than 1024 KiB"), "\(message)")
        }
    }

    @Test func deepNestingNamesTheFileAndLine() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let message = try #require(Self.problem("{\n\"title\": " + deep + "}"))
        #expect(message.hasPrefix("limit.json (line 2, column 73): malformed JSON"), "\(message)")
        #expect(message.contains("nested more than 64 deep"), "\(message)")
    }

    @Test func aHugeLabelIsRefusedAtItsPosition() throws {
        let label = String(repeating: "x", count: 20_000)
        let text = SpecLoaderTests.minimal.replacingOccurrences(of: "\"He\"", with: "\"\(label)\"")
        let message = try #require(Self.problem(text))
        #expect(message.hasPrefix("limit.json (line 9, column 15)"), "\(message)")
        #expect(message.contains("a string longer than 10000 characters"), "\(message)")
    }

    @Test func everyProblemIsListedUpToTheCapThenCounted() throws {
        let two = SpecLoaderTests.minimal.replacingOccurrences(of: "\"count\": 10", with: "\"count\": 0")
            .replacingOccurrences(of: "\"depth\": 3", with: "\"depth\": 0")
        let message = try #require(Self.problem(two))
        let lines = message.split(separator: "\n")
        #expect(lines.count == 2, "\(message)")
        #expect(lines.allSatisfy { $0.hasPrefix("limit.json: /") }, "\(message)")
        #expect(message.contains("/input/count") && message.contains("/network/depth"), "\(message)")

        var many = SpecLoaderTests.minimal.dropLast().description
        for index in 0..<20_000 { many += ", \"extra\(index)\": 0" }
        let clock = ContinuousClock()
        let start = clock.now
        let manyMessage = try #require(Self.problem(many + "}"))
        #expect(clock.now - start < .seconds(20))
        let manyLines = manyMessage.split(separator: "\n")
        #expect(manyLines.count == SpecErrors.listLimit + 1, "\(manyLines.count)")
        #expect(manyLines.first?.contains("unknown key \"extra0\"") == true, "\(manyLines[0])")
        #expect(
            manyLines.last
                == "limit.json: and \(20_000 - SpecErrors.listLimit) more problems (only the first 50 are listed)")
    }

    /// A byte-order mark is accepted (README, "Writing a spec"), and positions ignore it.
    @Test func aByteOrderMarkIsSkipped() throws {
        let bom = Data([0xEF, 0xBB, 0xBF])
        try Self.withFile(bom + Data(SpecLoaderTests.minimal.utf8)) { path in
            #expect(Self.loadProblem(path) == nil)
        }
        let broken =
            "\u{FEFF}" + SpecLoaderTests.minimal.replacingOccurrences(of: "\"count\": 10", with: "\"count\": x")
        let message = try #require(Self.problem(broken))
        #expect(message.hasPrefix("limit.json (line 6, column 48)"), "\(message)")
    }

    /// Labels are drawn into figures, whose text fitting is quadratic: a 10000-character label
    /// (under the parser's cap) ran for minutes; descriptions only go into HTML.
    @Test func labelsAndTitlesHaveAFigureSizedCap() throws {
        let label = String(repeating: "x", count: 201)
        let message = try #require(
            Self.problem(SpecLoaderTests.minimal.replacingOccurrences(of: "\"He\"", with: "\"\(label)\"")))
        #expect(message.hasPrefix("limit.json: /variants/0/label"), "\(message)")
        #expect(message.contains("expected a string of at most 200 characters, found 201 characters"), "\(message)")
        let long = String(repeating: "d", count: 10_000)
        let described = SpecLoaderTests.minimal.replacingOccurrences(
            of: "\"seed\": 7,", with: "\"seed\": 7, \"description\": \"\(long)\",")
        #expect(Self.problem(described) == nil)
        #expect(
            Self.problem(SpecLoaderTests.minimal.replacingOccurrences(of: "\"He\"", with: "\"\(label.dropLast())\""))
                == nil)
    }

    @Test func longUnknownKeysAreQuotedInShort() throws {
        let key = String(repeating: "k", count: 5_000)
        let message = try #require(
            Self.problem(
                SpecLoaderTests.minimal.replacingOccurrences(of: "\"seed\": 7,", with: "\"seed\": 7, \"\(key)\": 1,")))
        #expect(message.contains("unknown key \"\(key.prefix(80))... (5000 characters)\""), "\(message)")
        #expect(message.count < 1000, "\(message.count) characters")
    }
}
