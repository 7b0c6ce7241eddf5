/// An RFC 6901 JSON pointer such as `/variants/2/initializer/gain`; the empty pointer is the root.
public struct JSONPointer: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// The unescaped reference tokens.
    public let tokens: [String]

    public init(_ tokens: [String] = []) { self.tokens = tokens }

    /// The root of the document.
    public static let root = JSONPointer()

    /// The pointer to a member of the object this pointer names.
    public func appending(_ key: String) -> JSONPointer { JSONPointer(tokens + [key]) }

    /// The pointer to an element of the array this pointer names.
    public func appending(_ index: Int) -> JSONPointer { JSONPointer(tokens + [String(index)]) }

    /// The escaped text form; "/" for the root so that messages never show an empty path.
    public var description: String {
        tokens.isEmpty ? "/" : tokens.map { "/" + Self.escape($0) }.joined()
    }

    private static func escape(_ token: String) -> String {
        var escaped = ""
        for character in token {
            switch character {
            case "~": escaped += "~0"
            case "/": escaped += "~1"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool { lhs.description < rhs.description }
}
