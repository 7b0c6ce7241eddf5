import JSON

/// Typed reading of a resolved (already validated) spec value, remembering where each part came
/// from so that cross-field checks can still name the JSON pointer and source position.
struct SpecReader {
    let value: JSONValue
    let pointer: JSONPointer
    let context: Context

    /// The file a reader's values came from.
    struct Context {
        let file: String
        let document: JSONParser.Document?
    }

    init(_ value: JSONValue, at pointer: JSONPointer = .root, context: Context) {
        self.value = value
        self.pointer = pointer
        self.context = context
    }

    /// The member `key`, or nil when absent (defaults are already filled in).
    subscript(key: String) -> SpecReader? {
        guard case .object(let object) = value, let member = object[key] else { return nil }
        return SpecReader(member, at: pointer.appending(key), context: context)
    }

    /// The member `key`; its absence after validation is a programming error in the schema.
    func member(_ key: String) -> SpecReader {
        guard let member = self[key] else { preconditionFailure("schema must guarantee \(pointer.appending(key))") }
        return member
    }

    func has(_ key: String) -> Bool { self[key] != nil }

    var string: String {
        guard case .string(let string) = value else { preconditionFailure("\(pointer) is not a string") }
        return string
    }

    var int: Int {
        guard case .number(let number) = value, let integer = number.integer else {
            preconditionFailure("\(pointer) is not an integer")
        }
        return integer
    }

    var uint64: UInt64 {
        guard case .number(let number) = value, let integer = number.unsigned else {
            preconditionFailure("\(pointer) is not an unsigned 64-bit integer")
        }
        return integer
    }

    var double: Double {
        guard case .number(let number) = value else { preconditionFailure("\(pointer) is not a number") }
        return number.double
    }

    var bool: Bool {
        guard case .bool(let flag) = value else { preconditionFailure("\(pointer) is not a boolean") }
        return flag
    }

    var elements: [SpecReader] {
        guard case .array(let elements) = value else { preconditionFailure("\(pointer) is not an array") }
        return elements.enumerated().map { SpecReader($1, at: pointer.appending($0), context: context) }
    }

    /// The string value as the enum case it names (the schema allows only the enum's names).
    func named<Name: RawRepresentable>(_ type: Name.Type) -> Name where Name.RawValue == String {
        guard let name = Name(rawValue: string) else {
            preconditionFailure("schema admitted \"\(string)\" at \(pointer)")
        }
        return name
    }

    var isString: Bool { if case .string = value { true } else { false } }

    /// An error at this value.
    func error(_ message: String, suggestion: String? = nil) -> SpecError {
        SpecError(
            file: context.file, pointer: pointer, position: context.document?.position(of: pointer), message: message,
            suggestion: suggestion)
    }
}
