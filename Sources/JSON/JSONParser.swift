/// A strict RFC 8259 parser that records the source position of every value and key.
///
/// Duplicate keys, trailing commas, comments, leading zeros and unescaped control characters are
/// errors; every error names a line and a column (1-based, counting Unicode scalars). `Limits` cap
/// the nesting depth and string lengths, so a hostile document is refused instead of exhausting
/// the stack or memory; the work is linear in the text's length (object keys are checked against
/// a hash set, never by scanning the members).
public struct JSONParser {
    /// Caps that keep parsing bounded; exceeding one is a syntax error at the offending value.
    public struct Limits: Sendable {
        /// Arrays and objects nested deeper than this are refused (the parser recurses per level).
        public var maxDepth: Int
        /// Strings (keys included) longer than this many Unicode scalars are refused; nil: no cap.
        public var maxStringLength: Int?

        public init(maxDepth: Int = 512, maxStringLength: Int? = nil) {
            self.maxDepth = maxDepth
            self.maxStringLength = maxStringLength
        }

        /// Any document InitLab itself wrote: deep enough for every results file, shallow enough
        /// for the stack.
        public static let standard = Limits()
    }

    /// A parsed document: the value and where each part of it was written.
    public struct Document: Sendable {
        public let value: JSONValue
        /// Positions of values by pointer; `keyPositions` holds where each object key was written.
        public let valuePositions: [JSONPointer: SourcePosition]
        public let keyPositions: [JSONPointer: SourcePosition]

        /// The best position to point at for a problem at `pointer`: its key, else its value, else
        /// the nearest enclosing value.
        public func position(of pointer: JSONPointer) -> SourcePosition? {
            var tokens = pointer.tokens
            while true {
                let current = JSONPointer(tokens)
                if let position = keyPositions[current] ?? valuePositions[current] { return position }
                if tokens.isEmpty { return nil }
                tokens.removeLast()
            }
        }
    }

    /// A line and column in the source text.
    public struct SourcePosition: Hashable, Sendable, CustomStringConvertible {
        public let line: Int
        public let column: Int
        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
        public var description: String { "line \(line), column \(column)" }
    }

    /// A syntax error at a position.
    public struct SyntaxError: Error, Sendable, CustomStringConvertible {
        public let position: SourcePosition
        public let message: String
        public var description: String { "\(position): \(message)" }
    }

    private let scalars: [Unicode.Scalar]
    private let limits: Limits
    private var depth = 0
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var valuePositions: [JSONPointer: SourcePosition] = [:]
    private var keyPositions: [JSONPointer: SourcePosition] = [:]

    private init(text: String, limits: Limits) {
        scalars = Array(text.unicodeScalars)
        self.limits = limits
    }

    /// Parses a whole document; anything but whitespace after the top-level value is an error.
    public static func parse(_ text: String, limits: Limits = .standard) throws(SyntaxError) -> Document {
        var parser = JSONParser(text: text, limits: limits)
        parser.skipWhitespace()
        let value = try parser.parseValue(at: .root)
        parser.skipWhitespace()
        if parser.index < parser.scalars.count {
            throw parser.error("unexpected \(parser.describeCurrent()) after the end of the document")
        }
        return Document(value: value, valuePositions: parser.valuePositions, keyPositions: parser.keyPositions)
    }

    private var position: SourcePosition { SourcePosition(line: line, column: index - lineStart + 1) }

    private func error(_ message: String) -> SyntaxError { SyntaxError(position: position, message: message) }

    private func describeCurrent() -> String {
        guard index < scalars.count else { return "end of file" }
        let scalar = scalars[index]
        return scalar.value < 0x20
            ? "control character U+\(String(scalar.value, radix: 16, uppercase: true))" : "'\(scalar)'"
    }

    private mutating func skipWhitespace() {
        while index < scalars.count {
            switch scalars[index] {
            case " ", "\t", "\r": index += 1
            case "\n":
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    private mutating func parseValue(at pointer: JSONPointer) throws(SyntaxError) -> JSONValue {
        guard index < scalars.count else { throw error("expected a value, found end of file") }
        valuePositions[pointer] = position
        switch scalars[index] {
        case "{": return try parseObject(at: pointer)
        case "[": return try parseArray(at: pointer)
        case "\"": return .string(try parseString())
        case "t":
            try expectLiteral("true")
            return .bool(true)
        case "f":
            try expectLiteral("false")
            return .bool(false)
        case "n":
            try expectLiteral("null")
            return .null
        case "-", "0"..."9": return .number(try parseNumber())
        default: throw error("expected a value, found \(describeCurrent())")
        }
    }

    private mutating func expectLiteral(_ literal: String) throws(SyntaxError) {
        let start = position
        for expected in literal.unicodeScalars {
            guard index < scalars.count, scalars[index] == expected else {
                throw SyntaxError(position: start, message: "invalid literal, expected '\(literal)'")
            }
            index += 1
        }
    }

    /// Enters one level of nesting, refusing the level past `limits.maxDepth`.
    private mutating func enterNesting() throws(SyntaxError) {
        guard depth < limits.maxDepth else {
            throw error("arrays and objects nested more than \(limits.maxDepth) deep")
        }
        depth += 1
    }

    private mutating func parseObject(at pointer: JSONPointer) throws(SyntaxError) -> JSONValue {
        try enterNesting()
        defer { depth -= 1 }
        index += 1
        var object = JSONObject()
        var keys = Set<String>()
        skipWhitespace()
        if index < scalars.count, scalars[index] == "}" {
            index += 1
            return .object(object)
        }
        while true {
            skipWhitespace()
            guard index < scalars.count, scalars[index] == "\"" else {
                throw error("expected a quoted key, found \(describeCurrent())")
            }
            let keyPosition = position
            let key = try parseString()
            guard keys.insert(key).inserted else {
                throw SyntaxError(position: keyPosition, message: "duplicate key \"\(key)\"")
            }
            keyPositions[pointer.appending(key)] = keyPosition
            skipWhitespace()
            guard index < scalars.count, scalars[index] == ":" else {
                throw error("expected ':' after key \"\(key)\", found \(describeCurrent())")
            }
            index += 1
            skipWhitespace()
            object.appendNewKey(key, try parseValue(at: pointer.appending(key)))
            skipWhitespace()
            guard index < scalars.count else { throw error("expected ',' or '}', found end of file") }
            switch scalars[index] {
            case ",": index += 1
            case "}":
                index += 1
                return .object(object)
            default: throw error("expected ',' or '}' after the value of \"\(key)\", found \(describeCurrent())")
            }
        }
    }

    private mutating func parseArray(at pointer: JSONPointer) throws(SyntaxError) -> JSONValue {
        try enterNesting()
        defer { depth -= 1 }
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < scalars.count, scalars[index] == "]" {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(at: pointer.appending(elements.count)))
            skipWhitespace()
            guard index < scalars.count else { throw error("expected ',' or ']', found end of file") }
            switch scalars[index] {
            case ",": index += 1
            case "]":
                index += 1
                return .array(elements)
            default: throw error("expected ',' or ']' after an array element, found \(describeCurrent())")
            }
        }
    }

    private mutating func parseString() throws(SyntaxError) -> String {
        let start = position
        index += 1
        var result = String.UnicodeScalarView()
        var length = 0
        while true {
            guard index < scalars.count else { throw error("unterminated string") }
            let scalar = scalars[index]
            if scalar == "\"" {
                index += 1
                return String(result)
            }
            length += 1
            if let maxLength = limits.maxStringLength, length > maxLength {
                throw SyntaxError(position: start, message: "a string longer than \(maxLength) characters")
            }
            switch scalar {
            case "\\":
                index += 1
                result.append(try parseEscape())
            default:
                if scalar.value < 0x20 { throw error("unescaped control character in string") }
                result.append(scalar)
                index += 1
            }
        }
    }

    private mutating func parseEscape() throws(SyntaxError) -> Unicode.Scalar {
        guard index < scalars.count else { throw error("unterminated escape sequence") }
        let scalar = scalars[index]
        index += 1
        switch scalar {
        case "\"": return "\""
        case "\\": return "\\"
        case "/": return "/"
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "u":
            let first = try parseHexQuad()
            if (0xD800..<0xDC00).contains(first) {
                guard index + 1 < scalars.count, scalars[index] == "\\", scalars[index + 1] == "u" else {
                    throw error("unpaired UTF-16 surrogate in \\u escape")
                }
                index += 2
                let second = try parseHexQuad()
                guard (0xDC00..<0xE000).contains(second) else { throw error("invalid UTF-16 surrogate pair") }
                return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
            }
            guard let decoded = Unicode.Scalar(first) else { throw error("unpaired UTF-16 surrogate in \\u escape") }
            return decoded
        default:
            index -= 2
            throw error("invalid escape sequence '\\\(scalar)'")
        }
    }

    private mutating func parseHexQuad() throws(SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < scalars.count, let digit = hexDigit(scalars[index]) else {
                throw error("expected four hexadecimal digits after \\u")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private func hexDigit(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": scalar.value - 48
        case "a"..."f": scalar.value - 87
        case "A"..."F": scalar.value - 55
        default: nil
        }
    }

    private mutating func parseNumber() throws(SyntaxError) -> JSONNumber {
        let start = index
        if scalars[index] == "-" { index += 1 }
        guard index < scalars.count, ("0"..."9").contains(scalars[index]) else {
            throw error("expected a digit in number")
        }
        if scalars[index] == "0" {
            index += 1
            if index < scalars.count, ("0"..."9").contains(scalars[index]) {
                throw error("leading zeros are not allowed in numbers")
            }
        } else {
            skipDigits()
        }
        if index < scalars.count, scalars[index] == "." {
            index += 1
            guard index < scalars.count, ("0"..."9").contains(scalars[index]) else {
                throw error("expected a digit after the decimal point")
            }
            skipDigits()
        }
        if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
            index += 1
            if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" { index += 1 }
            guard index < scalars.count, ("0"..."9").contains(scalars[index]) else {
                throw error("expected a digit in the exponent")
            }
            skipDigits()
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[start..<index])
        return JSONNumber(text: String(text))
    }

    private mutating func skipDigits() {
        while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
    }
}
