import Narrative

/// The experiment's narrative rendered for its page: figures and tables by their numbers on the
/// page, citations by their number in the reference list, findings from the results.
enum NarrativeSection {
    /// The context a narrative is resolved in; figure `fig-<name>` and `fig-<id>`, table
    /// `tbl-<name>` (the table id without "table-") and `tbl-<id>`.
    static func context(for content: ReportContent) -> Narrative.Context {
        var references: [String: Narrative.Target] = [:]
        for (index, figure) in content.figures.enumerated() {
            let target = Narrative.Target(label: "Figure \(index + 1)", anchor: figure.id)
            references["fig-\(figure.name)"] = target
            references[figure.id] = target
        }
        for (index, table) in tables(for: content).enumerated() {
            let target = Narrative.Target(label: "Table \(index + 1)", anchor: table.id)
            let name = table.id.hasPrefix("table-") ? String(table.id.dropFirst(6)) : table.id
            references["tbl-\(name)"] = target
            references["tbl-\(table.id)"] = target
        }
        var citations: [String: Narrative.Target] = [:]
        for (index, reference) in content.spec.references.enumerated() {
            citations[reference.key] = Narrative.Target(label: String(index + 1), anchor: "ref-\(reference.key)")
        }
        return Narrative.Context(
            references: references, citations: citations, findings: Findings.values(for: content.result))
    }

    /// Every table on the page, in page order (the summary table first).
    static func tables(for content: ReportContent) -> [ReportTable] {
        [ResultTables.summary(for: content.result)].compactMap { $0 } + ResultTables.details(for: content.result)
    }

    static func render(_ content: ReportContent) -> Narrative.Rendered? {
        guard !content.spec.narrative.isEmpty else { return nil }
        return Narrative.render(content.spec.narrative, context: context(for: content))
    }

    /// What the narrative names that the report does not have, each with a close match when
    /// there is one: "unknown cross-reference @tbl-x; did you mean \"@tbl-runs\"?".
    static func problems(for content: ReportContent) -> [String] {
        guard let rendered = render(content) else { return [] }
        let context = context(for: content)
        return rendered.problems.map { problem in
            let candidates: [String]
            switch problem.kind {
            case .reference: candidates = Array(context.references.keys)
            case .citation: candidates = Array(context.citations.keys)
            case .finding: candidates = Array(context.findings.keys)
            case .footnote, .math: candidates = []
            }
            let closest = closestMatch(to: problem.name, among: candidates.sorted())
            let known =
                problem.kind == .finding
                ? " (findings of this report: " + candidates.sorted().prefix(12).joined(separator: ", ")
                    + (candidates.count > 12 ? ", ..." : "") + ")" : ""
            return problem.description + known + (closest.map { "; did you mean \"\($0)\"?" } ?? "")
        }
    }

    /// The candidate with the fewest edits from `word`, if within a third of its length.
    static func closestMatch(to word: String, among candidates: [String]) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var previous = Array(0...b.count)
            for i in 1...max(1, a.count) where !a.isEmpty {
                var current = [i] + Array(repeating: 0, count: b.count)
                for j in 1...max(1, b.count) where !b.isEmpty {
                    current[j] = min(
                        previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                }
                previous = current
            }
            return a.isEmpty ? b.count : previous[b.count]
        }
        let target = Array(word)
        let scored = candidates.map { ($0, distance(target, Array($0))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }
}
