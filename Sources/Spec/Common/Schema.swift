import JSON

/// The shape a spec's JSON must have: types, ranges, allowed names, defaults and documentation.
///
/// One schema drives three things, so they cannot drift apart: validation with precise errors
/// (`SchemaValidator`), default resolution (the "spec as run"), and the JSON Schema export that
/// editors use for completion (`jsonSchema`).
public struct Schema: Sendable {
    /// What the value must be.
    public indirect enum Kind: Sendable {
        /// An object with exactly these properties (unknown keys are errors).
        case object([Property])
        /// An array whose elements all match `items`.
        case array(items: Schema, minItems: Int, maxItems: Int?)
        /// An integer in an inclusive range.
        case integer(minimum: Int?, maximum: Int?)
        /// Any integer from 0 to 2^64 - 1 (seeds, which are 64-bit unsigned end to end).
        case unsignedInteger
        /// A number; `exclusiveMinimum` makes the lower bound strict.
        case number(minimum: Double?, maximum: Double?, exclusiveMinimum: Bool)
        /// A string, optionally one of a fixed list, of `minLength` to `maxLength` characters.
        case string(allowed: [String]?, minLength: Int, maxLength: Int)
        case boolean
        /// One of several alternatives, chosen by the JSON type of the value (a string shorthand
        /// or an object, a number or a named constant, ...). Alternatives must differ in type.
        case alternatives([Schema])
        /// An object whose member `key` names which of `cases` applies; a bare string is
        /// accepted as `{key: string}` when `allowsShorthand` is set.
        case tagged(key: String, cases: [(name: String, schema: Schema)], allowsShorthand: Bool)
        /// Any object, checked later by other means (a sweep's base experiment).
        case anyObject
    }

    /// A member of an object schema.
    public struct Property: Sendable {
        public let name: String
        public let schema: Schema
        public let isRequired: Bool

        public init(_ name: String, _ schema: Schema, required: Bool = false) {
            self.name = name
            self.schema = schema
            self.isRequired = required
        }
    }

    public let kind: Kind
    public let summary: String
    /// Filled in by default resolution when the member is absent.
    public let defaultValue: JSONValue?

    public init(_ kind: Kind, _ summary: String = "", default defaultValue: JSONValue? = nil) {
        self.kind = kind
        self.summary = summary
        self.defaultValue = defaultValue
    }

    // MARK: Building blocks

    public static func object(_ summary: String = "", _ properties: [Property]) -> Schema {
        Schema(.object(properties), summary)
    }

    public static func integer(
        _ summary: String = "", in range: ClosedRange<Int>? = nil, minimum: Int? = nil, default value: Int? = nil
    ) -> Schema {
        Schema(
            .integer(minimum: range?.lowerBound ?? minimum, maximum: range?.upperBound), summary,
            default: value.map { .integer($0) })
    }

    public static func unsignedInteger(_ summary: String = "") -> Schema { Schema(.unsignedInteger, summary) }

    public static func number(
        _ summary: String = "", minimum: Double? = nil, maximum: Double? = nil, positive: Bool = false,
        default value: Double? = nil
    ) -> Schema {
        Schema(
            .number(minimum: positive ? 0 : minimum, maximum: maximum, exclusiveMinimum: positive), summary,
            default: value.map { .double($0) })
    }

    /// The default longest string: labels, names and titles are drawn into figures, whose text
    /// fitting is quadratic in the length; longer texts (descriptions, paths) say so.
    public static let defaultMaxLength = 200

    public static func string(
        _ summary: String = "", oneOf allowed: [String]? = nil, nonEmpty: Bool = false,
        maxLength: Int = defaultMaxLength, default value: String? = nil
    ) -> Schema {
        Schema(
            .string(allowed: allowed, minLength: nonEmpty ? 1 : 0, maxLength: maxLength), summary,
            default: value.map { .string($0) })
    }

    public static func anyObject(_ summary: String = "") -> Schema { Schema(.anyObject, summary) }

    public static func boolean(_ summary: String = "", default value: Bool? = nil) -> Schema {
        Schema(.boolean, summary, default: value.map { .bool($0) })
    }

    public static func array(_ summary: String = "", of items: Schema, minItems: Int = 0, maxItems: Int? = nil)
        -> Schema
    {
        Schema(.array(items: items, minItems: minItems, maxItems: maxItems), summary)
    }

    /// The same schema with a default value.
    public func withDefault(_ value: JSONValue) -> Schema { Schema(kind, summary, default: value) }

    /// The same schema with another description.
    public func described(_ text: String) -> Schema { Schema(kind, text, default: defaultValue) }
}
