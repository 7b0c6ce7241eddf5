import Figures
import Hashing
import JSON
import Results
import Spec

/// Everything one experiment's report shows: the spec as run, its results, its figures and how
/// they were made.
public struct ReportContent: Sendable {
    public let spec: ExperimentSpec
    public let result: ExperimentResult
    public let figures: [RenderedFigure]
    public let provenance: Provenance
    /// The key under which this report may be served from the cache (see the Workflow module).
    public let cacheKey: String

    public init(
        spec: ExperimentSpec, result: ExperimentResult, figures: [RenderedFigure], provenance: Provenance,
        cacheKey: String
    ) {
        self.spec = spec
        self.result = result
        self.figures = figures
        self.provenance = provenance
        self.cacheKey = cacheKey
    }

    /// The experiment kind as written to manifest.json and the index: the one place the spec's
    /// kind becomes text.
    public var kindName: String { spec.kind.rawValue }

    /// results.json text; byte-identical for the same spec and seed.
    public var resultsText: String { JSONWriter.pretty(result.json) }

    /// spec.json text: the spec as run.
    public var specText: String { JSONWriter.pretty(spec.resolved) }

    /// SHA-256 of the canonical resolved spec.
    public var specHash: String { SHA256.hash(spec.canonicalText).hex }
}

extension ReportContent {
    /// What the narrative names that this report does not have (tables, findings, figures,
    /// citations), one message each; a report is written only when this is empty.
    public var narrativeProblems: [String] { NarrativeSection.problems(for: self) }
}
