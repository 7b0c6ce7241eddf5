import JSON

/// JSON encodings shared by every result type.
///
/// JSON has no NaN or infinity; results that diverged still have to be written, so non-finite
/// numbers are written as the strings "NaN", "Infinity" and "-Infinity" (as Python's json does
/// for its extensions, but valid JSON).
public enum ResultValue {
    /// A finite number as a JSON number, a non-finite one as a string.
    public static func number(_ value: Double) -> JSONValue {
        if value.isFinite { return .double(value) }
        return .string(value.isNaN ? "NaN" : value > 0 ? "Infinity" : "-Infinity")
    }

    /// Like `number(_:)` for single precision, keeping Float's shortest text.
    public static func number(_ value: Float) -> JSONValue {
        if value.isFinite { return .float(value) }
        return .string(value.isNaN ? "NaN" : value > 0 ? "Infinity" : "-Infinity")
    }

    public static func numbers(_ values: [Double]) -> JSONValue { .array(values.map { number($0) }) }
    public static func numbers(_ values: [Float]) -> JSONValue { .array(values.map { number($0) }) }
    public static func integers(_ values: [Int]) -> JSONValue { .array(values.map { .integer($0) }) }

    /// An optional number, `null` when absent.
    public static func optional(_ value: Double?) -> JSONValue { value.map { number($0) } ?? .null }
}
