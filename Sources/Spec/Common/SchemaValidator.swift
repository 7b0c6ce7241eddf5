import JSON

/// Checks a parsed document against a `Schema`, collecting every problem with its JSON pointer,
/// and returns the resolved value: defaults filled in, shorthands expanded, object members in
/// schema order (so the written key order never changes what a spec means or hashes to).
public struct SchemaValidator {
    private let file: String
    private let document: JSONParser.Document?
    private var errors: [SpecError] = []
    private var omittedCount = 0

    private init(file: String, document: JSONParser.Document?) {
        self.file = file
        self.document = document
    }

    /// The resolved value, or every problem found.
    public static func resolve(_ document: JSONParser.Document, against schema: Schema, file: String) throws(SpecErrors)
        -> JSONValue
    {
        try resolve(document.value, against: schema, file: file, document: document)
    }

    /// Resolves a value that did not come from a file (e.g. a generated sweep cell).
    public static func resolve(
        _ value: JSONValue, against schema: Schema, file: String, document: JSONParser.Document? = nil
    ) throws(SpecErrors) -> JSONValue {
        var validator = SchemaValidator(file: file, document: document)
        let resolved = validator.check(value, schema, at: .root)
        if !validator.errors.isEmpty { throw SpecErrors(validator.errors, omittedCount: validator.omittedCount) }
        return resolved
    }

    /// Records a problem; past `SpecErrors.listLimit` it is only counted (the message and the
    /// suggestion are not even built, so a million unknown keys cost a million cheap steps).
    private mutating func fail(
        _ pointer: JSONPointer, _ message: @autoclosure () -> String, suggestion: @autoclosure () -> String? = nil
    ) {
        guard errors.count < SpecErrors.listLimit else {
            omittedCount += 1
            return
        }
        errors.append(
            SpecError(
                file: file, pointer: pointer, position: document?.position(of: pointer), message: message(),
                suggestion: suggestion()))
    }

    private mutating func check(_ value: JSONValue, _ schema: Schema, at pointer: JSONPointer) -> JSONValue {
        switch schema.kind {
        case .object(let properties):
            return checkObject(value, properties, schema, at: pointer)
        case .array(let items, let minItems, let maxItems):
            guard case .array(let elements) = value else { return mismatch(value, schema, at: pointer) }
            if elements.count < minItems {
                fail(
                    pointer, "expected at least \(minItems) element\(minItems == 1 ? "" : "s"), found \(elements.count)"
                )
            }
            if let maxItems, elements.count > maxItems {
                fail(pointer, "expected at most \(maxItems) elements, found \(elements.count)")
            }
            return .array(elements.enumerated().map { check($1, items, at: pointer.appending($0)) })
        case .integer(let minimum, let maximum):
            guard case .number(let number) = value, number.isInteger, let integer = number.integer else {
                return mismatch(value, schema, at: pointer)
            }
            if let minimum, integer < minimum {
                fail(pointer, "expected \(Self.expectation(schema)), found \(integer)")
            }
            if let maximum, integer > maximum {
                fail(pointer, "expected \(Self.expectation(schema)), found \(integer)")
            }
            return value
        case .unsignedInteger:
            guard case .number(let number) = value, number.unsigned != nil else {
                return mismatch(value, schema, at: pointer)
            }
            return value
        case .number(let minimum, let maximum, let exclusiveMinimum):
            guard case .number(let number) = value else { return mismatch(value, schema, at: pointer) }
            guard number.double.isFinite else {
                fail(
                    pointer,
                    "expected \(Self.expectation(schema)), found \(number.text), which overflows a 64-bit float")
                return value
            }
            let x = number.double
            let tooSmall = minimum.map { exclusiveMinimum ? x <= $0 : x < $0 } ?? false
            let tooLarge = maximum.map { x > $0 } ?? false
            if tooSmall || tooLarge { fail(pointer, "expected \(Self.expectation(schema)), found \(number.text)") }
            return value
        case .string(let allowed, let minLength, let maxLength):
            guard case .string(let string) = value else { return mismatch(value, schema, at: pointer) }
            if let allowed, !allowed.contains(string) {
                fail(
                    pointer, "expected \(Self.expectation(schema)), found \"\(Self.excerpt(string))\"",
                    suggestion: Suggestion.closest(to: string, among: allowed))
            } else if string.count < minLength {
                fail(pointer, "expected a non-empty string")
            } else if string.count > maxLength {
                fail(pointer, "expected a string of at most \(maxLength) characters, found \(string.count) characters")
            }
            return value
        case .boolean:
            guard case .bool = value else { return mismatch(value, schema, at: pointer) }
            return value
        case .anyObject:
            guard case .object = value else { return mismatch(value, schema, at: pointer) }
            return value
        case .alternatives(let options):
            guard let option = options.first(where: { Self.accepts($0, typeOf: value) }) else {
                return mismatch(value, schema, at: pointer)
            }
            // A near-miss string among named alternatives deserves a suggestion from all of them.
            if case .string(let string) = value, case .string(let allowed?, _, _) = option.kind,
                !allowed.contains(string)
            {
                let names = options.flatMap { Self.names(of: $0) }
                fail(
                    pointer, "expected \(Self.expectation(schema)), found \"\(Self.excerpt(string))\"",
                    suggestion: Suggestion.closest(to: string, among: names))
                return value
            }
            return check(value, option, at: pointer)
        case .tagged(let key, let cases, let allowsShorthand):
            var object: JSONObject
            switch value {
            case .string(let name) where allowsShorthand: object = [key: .string(name)]
            case .object(let written): object = written
            default: return mismatch(value, schema, at: pointer)
            }
            guard let tag = object[key] else {
                fail(pointer, "missing required key \"\(key)\" (one of \(Self.quotedList(cases.map(\.name))))")
                return value
            }
            let tagPointer = value.isObject ? pointer.appending(key) : pointer
            guard case .string(let name) = tag else {
                fail(
                    tagPointer,
                    "expected a string naming one of \(Self.quotedList(cases.map(\.name))), found \(tag.typeDescription)"
                )
                return value
            }
            guard let chosen = cases.first(where: { $0.name == name }) else {
                fail(
                    tagPointer,
                    "expected one of \(Self.quotedList(cases.map(\.name))), found \"\(Self.excerpt(name))\"",
                    suggestion: Suggestion.closest(to: name, among: cases.map(\.name)))
                return value
            }
            return check(.object(object), chosen.schema, at: pointer)
        }
    }

    private mutating func checkObject(
        _ value: JSONValue, _ properties: [Schema.Property], _ schema: Schema, at pointer: JSONPointer
    ) -> JSONValue {
        guard case .object(let object) = value else { return mismatch(value, schema, at: pointer) }
        let names = properties.map(\.name)
        let written = Set(object.keys)
        for key in object.keys where !names.contains(key) {
            let explanation = FrameworkNames.explanation(forKey: key, allowed: names)
            fail(
                pointer.appending(key),
                "unknown key \"\(Self.excerpt(key))\"" + (explanation.map { "; \($0)" } ?? "")
                    + " (allowed: \(names.joined(separator: ", ")))",
                suggestion: explanation == nil
                    ? Suggestion.closest(to: key, among: names.filter { !written.contains($0) }) : nil)
        }
        var resolved = JSONObject()
        for property in properties {
            if let member = object[property.name] {
                resolved[property.name] = check(member, property.schema, at: pointer.appending(property.name))
            } else if property.isRequired {
                fail(pointer, "missing required key \"\(property.name)\" (\(Self.expectation(property.schema)))")
            } else if let defaultValue = property.schema.defaultValue {
                resolved[property.name] = check(defaultValue, property.schema, at: pointer.appending(property.name))
            }
        }
        return .object(resolved)
    }

    private mutating func mismatch(_ value: JSONValue, _ schema: Schema, at pointer: JSONPointer) -> JSONValue {
        var found = value.typeDescription
        switch value {
        case .number(let number): found += " (\(number.text))"
        case .string(let string): found += " (\"\(Self.excerpt(string))\")"
        default: break
        }
        fail(pointer, "expected \(Self.expectation(schema)), found \(found)")
        return value
    }

    private static func accepts(_ schema: Schema, typeOf value: JSONValue) -> Bool {
        switch (schema.kind, value) {
        case (.object, .object), (.anyObject, .object), (.array, .array), (.boolean, .bool), (.string, .string),
            (.number, .number):
            true
        case (.integer, .number(let number)), (.unsignedInteger, .number(let number)): number.isInteger
        case (.tagged(_, _, let shorthand), .string): shorthand
        case (.tagged, .object): true
        case (.alternatives(let options), _): options.contains { accepts($0, typeOf: value) }
        default: false
        }
    }

    private static func names(of schema: Schema) -> [String] {
        switch schema.kind {
        case .string(let allowed?, _, _): allowed
        case .tagged(_, let cases, _): cases.map(\.name)
        default: []
        }
    }

    /// A phrase for what a schema accepts: "an integer from 1 to 1000", "a positive number", ...
    static func expectation(_ schema: Schema) -> String {
        switch schema.kind {
        case .object, .anyObject: return "an object"
        case .array: return "an array"
        case .boolean: return "true or false"
        case .integer(let minimum?, let maximum?): return "an integer from \(minimum) to \(maximum)"
        case .integer(let minimum?, nil):
            return minimum == 0
                ? "a non-negative integer" : minimum == 1 ? "a positive integer" : "an integer >= \(minimum)"
        case .integer(nil, let maximum?): return "an integer <= \(maximum)"
        case .integer: return "an integer"
        case .unsignedInteger: return "an integer from 0 to \(UInt64.max)"
        case .number(let minimum, let maximum, let exclusive):
            switch (minimum, maximum) {
            case (0?, nil): return exclusive ? "a positive number" : "a non-negative number"
            case (let low?, let high?):
                return "a number from \(low) to \(high)" + (exclusive ? " (excluding \(low))" : "")
            case (let low?, nil): return "a number \(exclusive ? ">" : ">=") \(low)"
            case (nil, let high?): return "a number <= \(high)"
            case (nil, nil): return "a number"
            }
        case .string(let allowed?, _, _):
            return allowed.count == 1 ? "\"\(allowed[0])\"" : "one of \(quotedList(allowed))"
        case .string: return "a string"
        case .tagged(let key, let cases, let shorthand):
            return (shorthand ? "a name or " : "")
                + "an object whose \"\(key)\" is one of \(quotedList(cases.map(\.name)))"
        case .alternatives(let options): return options.map { expectation($0) }.joined(separator: " or ")
        }
    }

    /// A user's string as quoted in a message: at most 80 characters, then how long it was, so
    /// that 50 problems with 10000-character keys stay readable.
    static func excerpt(_ text: String) -> String {
        text.count <= 80 ? text : text.prefix(80) + "... (\(text.count) characters)"
    }

    static func quotedList(_ names: [String]) -> String {
        names.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}

extension JSONValue {
    var isObject: Bool { if case .object = self { true } else { false } }
}
