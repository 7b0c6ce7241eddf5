import ExperimentKinds
import JSON

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
        return ExperimentSpec(
            id: id, title: reader.member("title").string, description: reader.member("description").string,
            seed: seed, references: try readReferences(reader["references"]), figures: figures, body: body,
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
                if let url = reader["url"], !Reference.isSafeLink(url.string) {
                    throw url.error(
                        "expected an http(s) URL or a relative link (no spaces or control characters), found \"\(url.string)\""
                    )
                }
                references.append(
                    Reference(
                        key: reader.member("key").string, authors: reader.member("authors").string,
                        title: reader.member("title").string, venue: reader.member("venue").string,
                        year: reader.member("year").int, url: reader["url"]?.string))
            }
        }
        return references
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
