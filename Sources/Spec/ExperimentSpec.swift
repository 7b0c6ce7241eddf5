import JSON

/// A validated experiment: every default resolved, every name turned into a typed value.
public struct ExperimentSpec: Sendable {
    /// What the experiment runs.
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
    public let kind: String
    public let seed: UInt64
    public let references: [Reference]
    public let figures: [FigureSpec]
    public let body: Body
    /// The spec as run: defaults filled in, shorthands expanded, canonical member order, the
    /// effective seed. Its canonical text is what the spec hash covers.
    public let resolved: JSONValue
    /// The file the spec came from, as named by the user.
    public let file: String

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
        let kind = reader.member("kind").string
        var figures = try FigureSpec.readAll(reader["figures"], types: SpecSchema.figureTypes[kind] ?? [])
        let body: Body
        switch kind {
        case "activations": body = .activations(try ActivationsExperiment.read(reader))
        case "training": body = .training(try TrainingExperiment.read(reader))
        case "meanfield":
            let experiment = try MeanFieldExperiment.read(reader, figures: figures)
            if !reader.has("figures") { figures = figures.filter { experiment.availableFigureTypes.contains($0.type) } }
            body = .meanField(experiment)
        case "jacobian": body = .jacobian(try JacobianExperiment.read(reader))
        case "sweep": body = .sweep(try SweepExperiment.read(reader, id: id, seed: UInt64(reader.member("seed").int)))
        default: preconditionFailure("schema admitted unknown kind \(kind)")
        }
        let seed = reader.member("seed").int
        return ExperimentSpec(
            id: id, title: reader.member("title").string, description: reader.member("description").string, kind: kind,
            seed: UInt64(seed), references: readReferences(reader["references"]),
            figures: figures,
            body: body, resolved: resolved, file: context.file)
    }

    private static func readReferences(_ list: SpecReader?) -> [Reference] {
        (list?.elements ?? []).map { reader in
            if reader.isString { return Bibliography.entry(reader.string)! }
            return Reference(
                key: reader.member("key").string, authors: reader.member("authors").string,
                title: reader.member("title").string, venue: reader.member("venue").string,
                year: reader.member("year").int, url: reader["url"]?.string)
        }
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
