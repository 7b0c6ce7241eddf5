/// An RFC 6901 JSON pointer such as `/variants/2/initializer/gain`; the empty pointer is the root.
public struct JSONPointer: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// The unescaped reference tokens.
    public let tokens: [String]

    public init(_ tokens: [String] = []) { self.tokens = tokens }

    /// Parses the RFC 6901 text form ("" is the root, "/a/0" a path, "~1" an escaped "/", "~0"
    /// an escaped "~"); nil when the text is not a pointer.
    public init?(parsing text: String) {
        guard !text.isEmpty else {
            self.init()
            return
        }
        guard text.first == "/" else { return nil }
        var tokens: [String] = []
        for raw in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            var token = ""
            var escaping = false
            for character in raw {
                if escaping {
                    switch character {
                    case "0": token.append("~")
                    case "1": token.append("/")
                    default: return nil
                    }
                    escaping = false
                } else if character == "~" {
                    escaping = true
                } else {
                    token.append(character)
                }
            }
            if escaping { return nil }
            tokens.append(token)
        }
        self.init(tokens)
    }

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
