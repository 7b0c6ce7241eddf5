import ExperimentKinds
import JSON
import Narrative

/// A validated experiment: every default resolved, every name turned into a typed value.
public struct ExperimentSpec: Sendable {
    /// What the experiment runs: one case per `ExperimentKind`.
    public enum Body: Sendable {
        case activations(ActivationsExperiment)
        case training(TrainingExperiment)
        case meanField(MeanFieldExperiment)
        case jacobian(JacobianExperiment)
        case sweep(SweepExperiment)
    }

    public let id: String
    public let title: String
    public let description: String
    public let seed: UInt64
    public let references: [Reference]
    /// Markdown prose for the report (empty when the spec has none); see `NarrativeCheck`.
    public let narrative: String
    /// The figures to draw, typed by the experiment's kind.
    public let figures: FigureRequests
    public let body: Body
    /// The spec as run: defaults filled in, shorthands expanded, canonical member order, the
    /// effective seed. Its canonical text is what the spec hash covers.
    public let resolved: JSONValue
    /// The file the spec came from, as named by the user.
    public let file: String

    public var kind: ExperimentKind {
        switch body {
        case .activations: .activations
        case .training: .training
        case .meanField: .meanField
        case .jacobian: .jacobian
        case .sweep: .sweep
        }
    }

    /// Builds the typed spec from a resolved value.
    static func read(_ resolved: JSONValue, context: SpecReader.Context) throws(SpecError) -> ExperimentSpec {
        let reader = SpecReader(resolved, context: context)
        let id = reader.member("id").string
        guard id.count <= 64, id.first.map({ $0.isLowercase || $0.isNumber }) == true,
            id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
        else {
            throw reader.member("id").error(
                "expected up to 64 lower-case letters, digits and '-', starting with a letter or digit, found \"\(id)\""
            )
        }
        let seed = reader.member("seed").uint64
        guard let kind = ExperimentKind(rawValue: reader.member("kind").string) else {
            preconditionFailure("schema admitted unknown kind \(reader.member("kind").string)")
        }
        let figuresReader = reader["figures"]
        let body: Body
        let figures: FigureRequests
        switch kind {
        case .activations:
            body = .activations(try ActivationsExperiment.read(reader))
            figures = .activations(try FigureRequestReader.readAll(figuresReader))
        case .training:
            body = .training(try TrainingExperiment.read(reader))
            figures = .training(try FigureRequestReader.readAll(figuresReader))
        case .meanField:
            let experiment = try MeanFieldExperiment.read(reader)
            body = .meanField(experiment)
            figures = .meanField(try experiment.figures(figuresReader, at: reader))
        case .jacobian:
            body = .jacobian(try JacobianExperiment.read(reader))
            figures = .jacobian(try FigureRequestReader.readAll(figuresReader))
        case .sweep:
            body = .sweep(try SweepExperiment.read(reader, id: id, seed: seed))
            figures = .sweep(try FigureRequestReader.readAll(figuresReader))
        }
        let references = try readReferences(reader["references"])
        let narrative = reader["narrative"].map { $0.isString ? $0.string : "" } ?? ""
        if let narrativeReader = reader["narrative"] {
            try NarrativeCheck.check(narrative, at: narrativeReader, figures: figures.names, references: references)
        }
        return ExperimentSpec(
            id: id, title: reader.member("title").string, description: reader.member("description").string,
            seed: seed, references: references, narrative: narrative, figures: figures, body: body,
            resolved: resolved, file: context.file)
    }

    private static func readReferences(_ list: SpecReader?) throws(SpecError) -> [Reference] {
        var references: [Reference] = []
        for reader in list?.elements ?? [] {
            if reader.isString {
                guard let entry = Bibliography.entry(reader.string) else {
                    throw reader.error("unknown bibliography key \"\(reader.string)\"")
                }
                references.append(entry)
            } else {
                references.append(
                    Reference(
                        key: reader.member("key").string, authors: reader.member("authors").string,
                        title: reader.member("title").string, venue: reader.member("venue").string,
                        year: reader.member("year").int, url: try linkURL(reader["url"])))
            }
        }
        return references
    }

    /// A reference's URL, refused unless it is a web or relative link (a `javascript:` URL
    /// would run when the reader clicks it).
    private static func linkURL(_ reader: SpecReader?) throws(SpecError) -> String? {
        guard let reader else { return nil }
        guard Reference.isSafeLink(reader.string) else {
            throw reader.error("expected \(LinkPolicy.expectation), found \"\(reader.string)\"")
        }
        return reader.string
    }

    /// The same experiment under another root seed (`initlab run --seed`); the resolved spec
    /// records the seed actually used.
    public func withSeed(_ newSeed: UInt64) throws(SpecError) -> ExperimentSpec {
        guard case .object(var object) = resolved else { return self }
        object["seed"] = .integer(newSeed)
        return try Self.read(.object(object), context: SpecReader.Context(file: file, document: nil))
    }

    /// Canonical compact text of the resolved spec: the input of the spec hash.
    public var canonicalText: String { JSONWriter.compact(resolved) }
}
