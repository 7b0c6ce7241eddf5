/// A JSON value that keeps object members in their written order and numbers as written.
///
/// Keeping the order makes "the spec as run" readable and canonical output stable; keeping the
/// number text lets validation tell `3` from `3.0` and lets writers print `Float` values with
/// their own shortest representation.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// A number from an integer.
    public static func integer<I: BinaryInteger>(_ value: I) -> JSONValue { .number(JSONNumber(text: "\(value)")) }

    /// A number from a finite `Double`, printed in Swift's shortest round-trip form.
    public static func double(_ value: Double) -> JSONValue {
        precondition(value.isFinite, "JSON has no representation for \(value)")
        return .number(JSONNumber(text: JSONNumber.text(for: value)))
    }

    /// A number from a finite `Float`, printed in its own shortest round-trip form.
    public static func float(_ value: Float) -> JSONValue {
        precondition(value.isFinite, "JSON has no representation for \(value)")
        return .number(JSONNumber(text: JSONNumber.text(for: value)))
    }

    /// A human name for the value's type, used in error messages ("an object", "a string").
    public var typeDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number(let number): number.isInteger ? "an integer" : "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The member or element at a JSON pointer, if any.
    public func value(at pointer: JSONPointer) -> JSONValue? {
        var current = self
        for token in pointer.tokens {
            switch current {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let elements):
                guard let index = Int(token), elements.indices.contains(index) else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }
}

/// A JSON number, kept as its text.
public struct JSONNumber: Equatable, Sendable {
    /// The number as written (or as printed for generated values).
    public let text: String

    public init(text: String) { self.text = text }

    /// The value as a `Double` (nearest representable).
    public var double: Double { Double(text) ?? .nan }

    /// Whether the text has no fraction or exponent.
    public var isInteger: Bool { !text.contains(where: { ".eE".contains($0) }) }

    /// The value as an `Int` when it is written as an integer that fits.
    public var integer: Int? { isInteger ? Int(text) : nil }

    /// The value as a `UInt64` when it is written as a non-negative integer that fits.
    public var unsigned: UInt64? { isInteger ? UInt64(text) : nil }

    static func text(for value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    static func text(for value: Float) -> String {
        if value == value.rounded(), abs(value) < 1e7 { return String(Int64(value)) }
        return "\(value)"
    }
}

/// An ordered JSON object. Keys are unique.
public struct JSONObject: Equatable, Sendable {
    public private(set) var members: [(key: String, value: JSONValue)]

    public init(_ members: [(key: String, value: JSONValue)] = []) {
        self.members = []
        for member in members { self[member.key] = member.value }
    }

    public var keys: [String] { members.map(\.key) }

    /// The value for `key`; assigning replaces in place or appends.
    public subscript(key: String) -> JSONValue? {
        get { members.first(where: { $0.key == key })?.value }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append((key, newValue))
            }
        }
    }

    /// Appends a member whose key the caller knows is new: constant time, unlike the subscript,
    /// so that parsing an object of many members stays linear.
    mutating func appendNewKey(_ key: String, _ value: JSONValue) { members.append((key, value)) }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { (key: $0.0, value: $0.1) })
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements.map { (key: $0.0, value: $0.1) }))
    }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
}
