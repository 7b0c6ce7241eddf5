/// Prints `JSONValue`s. Output is a pure function of the value: members in stored order,
/// numbers as stored, strings escaped minimally (quotes, backslashes, control characters).
public enum JSONWriter {
    /// Two-space indented text with a trailing newline, for files people read and diff.
    public static func pretty(_ value: JSONValue) -> String {
        var output = ""
        write(value, into: &output, indent: 0, pretty: true)
        output += "\n"
        return output
    }

    /// The shortest text, for hashing and embedding.
    public static func compact(_ value: JSONValue) -> String {
        var output = ""
        write(value, into: &output, indent: 0, pretty: false)
        return output
    }

    private static func write(_ value: JSONValue, into output: inout String, indent: Int, pretty: Bool) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let number): output += number.text
        case .string(let string): writeString(string, into: &output)
        case .array(let elements):
            guard !elements.isEmpty else {
                output += "[]"
                return
            }
            // Arrays of plain numbers stay on one line: result files hold long series.
            let flat = !pretty || elements.allSatisfy { if case .number = $0 { true } else { false } }
            output += "["
            for (position, element) in elements.enumerated() {
                if position > 0 { output += flat && pretty ? ", " : "," }
                if !flat { newline(indent + 1, into: &output) }
                write(element, into: &output, indent: indent + 1, pretty: pretty)
            }
            if !flat { newline(indent, into: &output) }
            output += "]"
        case .object(let object):
            guard !object.members.isEmpty else {
                output += "{}"
                return
            }
            output += "{"
            for (position, member) in object.members.enumerated() {
                if position > 0 { output += "," }
                if pretty { newline(indent + 1, into: &output) }
                writeString(member.key, into: &output)
                output += pretty ? ": " : ":"
                write(member.value, into: &output, indent: indent + 1, pretty: pretty)
            }
            if pretty { newline(indent, into: &output) }
            output += "}"
        }
    }

    private static func newline(_ indent: Int, into output: inout String) {
        output += "\n" + String(repeating: "  ", count: indent)
    }

    private static func writeString(_ string: String, into output: inout String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
