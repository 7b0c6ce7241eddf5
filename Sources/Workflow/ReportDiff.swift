import Foundation
import JSON

/// `initlab diff A B`: what changed between two reports: spec fields, seeds, headline numbers.
public enum ReportDiff {
    /// One difference.
    public struct Change: Sendable {
        public let item: String
        public let before: String
        public let after: String
    }

    public struct Outcome: Sendable {
        public let specChanges: [Change]
        public let headlineChanges: [Change]
        public let unchangedHeadlines: Int
    }

    public static func compare(_ first: URL, _ second: URL) throws -> Outcome {
        let specs = try [first, second].map { try document(at: $0.appendingPathComponent("spec.json")) }
        let results = try [first, second].map { try document(at: $0.appendingPathComponent("results.json")) }
        var specChanges: [Change] = []
        differences(specs[0], specs[1], at: .root, into: &specChanges)
        let headlines = [Headline.values(results[0]), Headline.values(results[1])]
        var headlineChanges: [Change] = []
        var unchanged = 0
        for key in Set(headlines[0].keys).union(headlines[1].keys).sorted() {
            let before = headlines[0][key] ?? "absent"
            let after = headlines[1][key] ?? "absent"
            if before == after {
                unchanged += 1
            } else {
                headlineChanges.append(Change(item: key, before: before, after: after))
            }
        }
        return Outcome(specChanges: specChanges, headlineChanges: headlineChanges, unchangedHeadlines: unchanged)
    }

    private static func document(at url: URL) throws -> JSONValue {
        guard let data = try? Data(contentsOf: url) else {
            throw WorkflowError("\(url.path): cannot read (is this a report folder?)")
        }
        do {
            return try JSONParser.parse(String(decoding: data, as: UTF8.self)).value
        } catch {
            throw WorkflowError("\(url.path): \(error)")
        }
    }

    /// Leaf-by-leaf differences between two JSON values, named by JSON pointer.
    static func differences(_ a: JSONValue?, _ b: JSONValue?, at pointer: JSONPointer, into changes: inout [Change]) {
        switch (a, b) {
        case (.object(let left)?, .object(let right)?):
            for key in left.keys + right.keys.filter({ left[$0] == nil }) {
                differences(left[key], right[key], at: pointer.appending(key), into: &changes)
            }
        case (.array(let left)?, .array(let right)?) where left.count == right.count:
            for index in left.indices {
                differences(left[index], right[index], at: pointer.appending(index), into: &changes)
            }
        default:
            if a != b {
                changes.append(
                    Change(
                        item: pointer.description, before: a.map(JSONWriter.compact) ?? "absent",
                        after: b.map(JSONWriter.compact) ?? "absent"))
            }
        }
    }
}
