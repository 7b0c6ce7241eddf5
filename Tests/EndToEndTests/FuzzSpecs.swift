import Foundation
import JSON
import Randomness

/// The specs a fuzz run mutates: every default experiment of `Experiments/`, shrunk to a size that
/// runs in a second (every field kept), with a full reference (url included) added so that every
/// kind of user text reaches the HTML.
struct FuzzBaseSpec {
    let name: String
    let value: JSONValue
}

enum FuzzSpecs {
    static func defaults() throws -> [FuzzBaseSpec] {
        let folder = FuzzRepository.root.appendingPathComponent("Experiments")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
            .sorted()
        return try names.map { name in
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let document = try JSONParser.parse(text)
            // The narrative is prose beside the original file whose findings name the full-size
            // tables (a layer-50 column): neither survives the copy and the shrinking.
            var value = tiny(document.value, key: nil)
            if case .object(var object) = value {
                object["narrative"] = nil
                value = .object(object)
            }
            return FuzzBaseSpec(name: String(name.dropLast(5)), value: withReference(value))
        }
    }

    /// Small sizes by key, so that a run takes about a second; the keys stay where they were.
    static func tiny(_ value: JSONValue, key: String?) -> JSONValue {
        switch value {
        case .object(var object):
            for member in object.members { object[member.key] = tiny(member.value, key: member.key) }
            // Depths 2 to 5 trap in the correlation-depth figure (a defect this harness found):
            // keep the base spec clean, so the mutations reach it on their own.
            if key == "correlation_depth" { object["depth"] = .integer(12) }
            if key == "data", case .string(let name)? = object["name"], name == "mnist-5k" || name == "fashion-mnist" {
                object["train_size"] = object["train_size"] ?? .integer(300)
                if object["test_per_class"] == nil { object["test_size"] = object["test_size"] ?? .integer(100) }
            }
            if key == "data", object["test_per_class"] != nil { object["test_per_class"] = .integer(5) }
            return .object(object)
        case .array(let elements):
            switch key {
            case "grid": return [4, 3]
            case "depths": return [2, 3]
            case "values": return .array(Array(elements.prefix(2)))
            default: return .array(elements.map { tiny($0, key: key) })
            }
        case .number(let number):
            guard let integer = number.integer else { return value }
            let caps: [String: Int] = [
                "iterations": 4, "count": 16, "dimension": 8, "width": 8, "depth": 3, "repeats": 1,
                "batch_size": 8, "probe_size": 8, "statistics_every": 2, "seeds": 2, "points": 8, "bins": 10,
                "train_size": 300, "test_size": 100, "evaluation_train_size": 100, "histogram_bins": 10,
            ]
            if key == "evaluation_every" { return .integer(integer == 0 ? 0 : 2) }
            if let key, let cap = caps[key] { return .integer(min(integer, cap)) }
            return value
        default:
            return value
        }
    }

    static let fullReference: JSONValue = [
        "key": "fuzz2026", "authors": "A. Author and B. Author", "title": "A title", "venue": "A venue",
        "year": 2020, "url": "https://example.org/paper",
    ]

    static func withReference(_ value: JSONValue) -> JSONValue {
        guard case .object(var object) = value else { return value }
        if case .array(let references)? = object["references"] {
            object["references"] = .array(references + [fullReference])
        } else if case .object(var base)? = object["base"] {
            base["references"] = .array([fullReference])
            object["base"] = .object(base)
            object["references"] = .array([fullReference])
        }
        return .object(object)
    }

    /// Every pointer of a value, containers included, the root excluded.
    static func pointers(_ value: JSONValue, at pointer: JSONPointer = .root) -> [JSONPointer] {
        switch value {
        case .object(let object):
            return object.members.flatMap {
                [pointer.appending($0.key)] + pointers($0.value, at: pointer.appending($0.key))
            }
        case .array(let elements):
            return elements.indices.flatMap {
                [pointer.appending($0)] + pointers(elements[$0], at: pointer.appending($0))
            }
        default:
            return []
        }
    }

    /// `value` with the member at `pointer` replaced (or removed when `replacement` is nil).
    static func replacing(_ value: JSONValue, at tokens: ArraySlice<String>, with replacement: JSONValue?) -> JSONValue?
    {
        guard let token = tokens.first else { return replacement }
        switch value {
        case .object(var object):
            guard let child = object[token] else { return value }
            object[token] = replacing(child, at: tokens.dropFirst(), with: replacement)
            return .object(object)
        case .array(var elements):
            guard let index = Int(token), elements.indices.contains(index) else { return value }
            if let new = replacing(elements[index], at: tokens.dropFirst(), with: replacement) {
                elements[index] = new
            } else {
                elements.remove(at: index)
            }
            return .array(elements)
        default:
            return value
        }
    }
}

/// The numeric and size limits that `initlab schema` documents, by property name.
struct FuzzLimits {
    struct Limit {
        var minimum: Double?
        var maximum: Double?
        var exclusiveMinimum: Double?
        var minItems: Int?
        var maxItems: Int?
        var integer = false
    }

    var byName: [String: [Limit]] = [:]

    init(schema: JSONValue) { collect(schema, name: nil) }

    mutating func collect(_ value: JSONValue, name: String?) {
        switch value {
        case .object(let object):
            if let name {
                func number(_ key: String) -> Double? {
                    if case .number(let number)? = object[key] { return number.double }
                    return nil
                }
                var limit = Limit(
                    minimum: number("minimum"), maximum: number("maximum"),
                    exclusiveMinimum: number("exclusiveMinimum"),
                    minItems: number("minItems").map { Int($0) }, maxItems: number("maxItems").map { Int($0) })
                limit.integer = object["type"] == .string("integer")
                if limit.minimum != nil || limit.maximum != nil || limit.exclusiveMinimum != nil
                    || limit.minItems != nil || limit.maxItems != nil
                {
                    byName[name, default: []].append(limit)
                }
            }
            for member in object.members {
                switch member.key {
                case "properties":
                    if case .object(let properties) = member.value {
                        for property in properties.members { collect(property.value, name: property.key) }
                    }
                case "items", "oneOf", "anyOf", "allOf": collect(member.value, name: name)
                default: collect(member.value, name: nil)
                }
            }
        case .array(let elements):
            for element in elements { collect(element, name: name) }
        default:
            break
        }
    }

    /// Values at and beyond every limit documented for a property of this name.
    func values(for name: String, current: JSONValue) -> [(String, JSONValue)] {
        var values: [(String, JSONValue)] = []
        for limit in byName[name] ?? [] {
            func number(_ x: Double) -> JSONValue {
                .number(JSONNumber(text: x.rounded() == x && abs(x) < 9e18 ? String(Int64(x)) : "\(x)"))
            }
            if let minimum = limit.minimum {
                values += [("\(name) at minimum", number(minimum)), ("\(name) below minimum", number(minimum - 1))]
                if !limit.integer { values.append(("\(name) just below minimum", number(minimum.nextDown))) }
            }
            if let maximum = limit.maximum {
                values += [("\(name) at maximum", number(maximum)), ("\(name) above maximum", number(maximum + 1))]
                if maximum >= 9e18 {
                    values += [
                        ("\(name) 2^63", .number(JSONNumber(text: "9223372036854775808"))),
                        ("\(name) 2^64", .number(JSONNumber(text: "18446744073709551616"))),
                    ]
                }
                if !limit.integer { values.append(("\(name) just above maximum", number(maximum.nextUp))) }
            }
            if let exclusive = limit.exclusiveMinimum {
                values += [
                    ("\(name) at exclusive minimum", number(exclusive)),
                    ("\(name) just above exclusive minimum", .number(JSONNumber(text: "5e-324"))),
                ]
            }
            if case .array(let elements) = current, let first = elements.first {
                if let maxItems = limit.maxItems {
                    values.append(
                        ("\(name) with \(maxItems + 1) items", .array(Array(repeating: first, count: maxItems + 1))))
                }
                if let minItems = limit.minItems, minItems > 0 {
                    values.append(("\(name) with \(minItems - 1) items", .array(Array(elements.prefix(minItems - 1)))))
                }
            }
        }
        return values
    }
}

/// One mutated spec: what was done, and the bytes to write.
struct FuzzSpecCase {
    let description: String
    let bytes: Data
}

/// The mutations, as pure functions of (seed, case number).
enum FuzzSpecMutations {
    static func raw(_ text: String) -> JSONValue { .number(JSONNumber(text: text)) }

    static func nested(_ depth: Int, open: String = "[", close: String = "]") -> JSONValue {
        raw(String(repeating: open, count: depth) + String(repeating: close, count: depth))
    }

    /// Hostile values for any field (built once: some are megabytes).
    static func hostile(full: Bool) -> [(String, JSONValue)] { full ? hostileFull : hostileBounded }

    static let hostileBounded = makeHostile(full: false)
    static let hostileFull = makeHostile(full: true)

    static func makeHostile(full: Bool) -> [(String, JSONValue)] {
        var values: [(String, JSONValue)] = [
            ("100k-character string", .string(String(repeating: "a", count: 100_000))),
            ("long unicode string", .string(String(repeating: "é𝔘\u{202E}ß", count: 20_000))),
            ("NUL", .string("\u{0}")), ("embedded NUL", .string("a\u{0}b")),
            ("empty string", ""), ("space", " "), ("control characters", .string("a\nb\r\n\tc\u{7}\u{1b}[31m")),
            ("unicode", .string("Ünïcødé ☃ 𝔘 \u{202E}rtl\u{202C} e\u{301} 🧪")),
            ("lone surrogate", raw("\"\\ud800x\"")), ("invalid escape", raw("\"\\x41\"")),
            ("slash", "a/b"), ("parent path", "../../../../tmp/fuzz-escape"), ("absolute path", "/etc/passwd"),
            ("backslash", "a\\b"), ("dot", "."), ("dot dot", ".."), ("device path", "/dev/zero"),
            ("javascript URL", "javascript:alert('FUZZ')"), ("mixed-case javascript URL", " JaVaScRiPt:alert('FUZZ')"),
            ("javascript URL with tab", "java\tscript:alert('FUZZ')"),
            ("data URL", "data:text/html,<script>alert('FUZZ')</script>"), ("vbscript URL", "vbscript:msgbox('FUZZ')"),
            ("script tag", "<script>alert('FUZZ')</script>"), ("img onerror", "\"><img src=x onerror=alert('FUZZ')>"),
            ("attribute break", "' onmouseover='alert(\"FUZZ\")' x='"), ("svg onload", "<svg onload=alert('FUZZ')>"),
            ("mustache tags", "{{#x}}{{{y}}}{{/x}}{{>p}}"), ("format string", "%s%n%x%@"),
            ("number as text", "1"), ("NaN as text", "NaN"),
            ("0", 0), ("-0", raw("-0")), ("-1", -1), ("1", 1), ("0.5", 0.5), ("1.5", 1.5),
            ("1e-400", raw("1e-400")), ("5e-324", raw("5e-324")), ("1e308", raw("1e308")), ("1e400", raw("1e400")),
            ("-1e400", raw("-1e400")), ("2^31", raw("2147483648")), ("2^53+1", raw("9007199254740993")),
            ("2^63-1", raw("9223372036854775807")), ("2^63", raw("9223372036854775808")),
            ("2^64", raw("18446744073709551616")), ("-2^63-1", raw("-9223372036854775809")),
            ("1e30", raw("1e30")), ("NaN literal", raw("NaN")), ("Infinity literal", raw("Infinity")),
            ("-Infinity literal", raw("-Infinity")), ("hex literal", raw("0x10")), ("leading plus", raw("+1")),
            ("leading zero", raw("01")), ("bare fraction", raw(".5")), ("trailing dot", raw("1.")),
            ("null", .null), ("true", true), ("false", false), ("empty array", []), ("empty object", [:]),
            ("array of value", [[1]]), ("object with unknown key", ["FUZZ": 1]),
            ("nested 64 deep", nested(64)), ("nested 1000 deep", nested(1000)),
            ("objects nested 1000 deep", nested(1000, open: "{\"a\":", close: "}")),
            ("nested 100000 deep", nested(100_000)),
        ]
        if full {
            values += [
                ("10M-character string", .string(String(repeating: "a", count: 10_000_000))),
                ("100k-element array", .array(Array(repeating: 1, count: 100_000))),
            ]
        }
        return values
    }

    /// Mutations of the whole document.
    static func document(_ spec: JSONValue, limits: FuzzLimits, full: Bool, pick: inout RandomStream) -> (
        String, Data
    ) {
        let text = JSONWriter.pretty(spec)
        let bytes = Array(text.utf8)
        let unknownKeys = full ? 2_000_000 : 20_000
        switch pick.nextInt(below: 11) {
        case 0: return ("UTF-8 byte-order mark", Data([0xEF, 0xBB, 0xBF] + bytes))
        case 1:
            let cut = pick.nextInt(below: bytes.count)
            return ("truncated at byte \(cut)", Data(bytes.prefix(cut)))
        case 2: return ("empty file", Data())
        case 3:
            let at = pick.nextInt(below: bytes.count)
            var flipped = bytes
            flipped[at] ^= UInt8(1 << pick.nextInt(below: 8))
            return ("bit flipped at byte \(at)", Data(flipped))
        case 4:
            return (
                "invalid UTF-8",
                Data(bytes.prefix(bytes.count / 2) + [0xC3, 0x28, 0xFF] + bytes.dropFirst(bytes.count / 2))
            )
        case 5:
            // Written as text: inserting millions of members into a JSONObject one by one is quadratic.
            var compact = JSONWriter.compact(spec)
            guard compact.hasSuffix("}") else { break }
            compact.removeLast()
            var extra = ""
            for index in 0..<unknownKeys { extra += ",\"fuzz_unknown_\(index)\":\(index)" }
            return ("\(unknownKeys) unknown keys", Data((compact + extra + "}").utf8))
        case 6: return ("trailing garbage", Data(bytes + Array("}{\"x\":1}".utf8)))
        case 7:
            let duplicated = text.replacingOccurrences(
                of: "{\n", with: "{\n  \"id\": \"duplicate-key\",\n", options: [], range: text.range(of: "{\n"))
            return ("duplicate key", Data(duplicated.utf8))
        case 8: return ("a top-level array", Data(("[" + text + "]").utf8))
        case 9:
            return (
                "all sizes at their maximum", Data(JSONWriter.pretty(allMaxima(spec, key: nil, limits: limits)).utf8)
            )
        default:
            let label = String(repeating: "x", count: full ? 50_000_000 : 1_000_000)
            guard case .object(var object) = spec else { break }
            object["title"] = .string(label)
            return ("\(label.count)-character title", Data(JSONWriter.compact(.object(object)).utf8))
        }
        return ("unchanged", Data(bytes))
    }

    /// A property the spec leaves out, added at or beyond one of its documented limits.
    static func absentField(_ spec: JSONValue, index: FuzzSchemaIndex, pick: inout RandomStream) -> (
        String, JSONValue
    )? {
        let objects =
            [JSONPointer.root]
            + FuzzSpecs.pointers(spec).filter {
                if case .object? = spec.value(at: $0) { true } else { false }
            }
        var options: [(JSONPointer, String, String, JSONValue)] = []
        for pointer in objects {
            guard case .object(let object)? = spec.value(at: pointer) else { continue }
            for property in index.properties(of: spec, at: pointer) where object[property.name] == nil {
                for (what, value) in FuzzSchemaIndex.limitValues(property.schema) {
                    options.append((pointer, property.name, what, value))
                }
            }
        }
        guard !options.isEmpty else { return nil }
        let (pointer, name, what, value) = options[pick.nextInt(below: options.count)]
        guard case .object(var object)? = spec.value(at: pointer) else { return nil }
        object[name] = value
        guard let mutated = FuzzSpecs.replacing(spec, at: pointer.tokens[...], with: .object(object)) else {
            return nil
        }
        return ("added \(pointer.appending(name)) \(what)", mutated)
    }

    /// Every integer with a documented maximum set to it.
    static func allMaxima(_ value: JSONValue, key: String?, limits: FuzzLimits) -> JSONValue {
        switch value {
        case .object(var object):
            for member in object.members {
                object[member.key] = allMaxima(member.value, key: member.key, limits: limits)
            }
            return .object(object)
        case .array(let elements):
            return .array(elements.map { allMaxima($0, key: key, limits: limits) })
        case .number(let number) where number.isInteger && key != "seed" && key != "year":
            guard let key, let maximum = limits.byName[key]?.compactMap(\.maximum).min(), maximum < 9e18 else {
                return value
            }
            return .integer(Int64(maximum))
        default:
            return value
        }
    }

    /// Case `number`: a mutation of one field (or of the whole document) of one base spec.
    static func make(
        number: Int, bases: [FuzzBaseSpec], limits: FuzzLimits, index: FuzzSchemaIndex, seed: UInt64, full: Bool
    ) -> (FuzzBaseSpec, FuzzSpecCase) {
        var pick = RandomStream(seed: seed, path: "fuzz/spec/case/\(number)")
        let base = bases[pick.nextInt(below: bases.count)]
        let roll = pick.nextInt(below: 10)
        if roll == 0 {
            let (what, bytes) = document(base.value, limits: limits, full: full, pick: &pick)
            return (base, FuzzSpecCase(description: "\(base.name): \(what)", bytes: bytes))
        }
        if roll <= 2, let added = absentField(base.value, index: index, pick: &pick) {
            return (
                base,
                FuzzSpecCase(description: "\(base.name): \(added.0)", bytes: Data(JSONWriter.pretty(added.1).utf8))
            )
        }
        let pointers = FuzzSpecs.pointers(base.value)
        let pointer = pointers[pick.nextInt(below: pointers.count)]
        let current = base.value.value(at: pointer) ?? .null
        let name = pointer.tokens.last(where: { Int($0) == nil }) ?? ""
        let atLimits = limits.values(for: name, current: current)
        // Half of the cases take a value at or beyond a documented limit when the field has one.
        let candidates: [(String, JSONValue?)]
        if !atLimits.isEmpty && pick.nextInt(below: 2) == 0 {
            candidates = atLimits.map { ($0.0, $0.1) }
        } else {
            candidates = hostile(full: full).map { ($0.0, Optional($0.1)) } + [("removed", nil)]
        }
        let (what, replacement) = candidates[pick.nextInt(below: candidates.count)]
        let mutated =
            FuzzSpecs.replacing(base.value, at: pointer.tokens[...], with: replacement) ?? base.value
        return (
            base,
            FuzzSpecCase(
                description: "\(base.name): \(pointer) = \(what)", bytes: Data(JSONWriter.pretty(mutated).utf8))
        )
    }
}

/// The exported JSON Schema walked together with a spec: which properties the schema allows for
/// each object of the spec, so that fields a default experiment leaves out are fuzzed too.
struct FuzzSchemaIndex {
    let schema: JSONValue

    /// The schema itself and, recursively, its `oneOf`/`anyOf` alternatives that are objects
    /// and agree with `value` on every single-valued `enum` property (the kind, a name).
    static func objectAlternatives(_ schema: JSONValue, matching value: JSONValue?) -> [JSONObject] {
        guard case .object(let object) = schema else { return [] }
        var found: [JSONObject] = []
        if case .object(let properties)? = object["properties"] {
            var agrees = true
            if case .object(let spec)? = value {
                for property in properties.members {
                    guard case .object(let propertySchema) = property.value,
                        case .array(let allowed)? = propertySchema["enum"], allowed.count == 1,
                        let actual = spec[property.key]
                    else { continue }
                    if actual != allowed[0] { agrees = false }
                }
            }
            if agrees { found.append(object) }
        }
        for key in ["oneOf", "anyOf"] {
            if case .array(let alternatives)? = object[key] {
                found += alternatives.flatMap { objectAlternatives($0, matching: value) }
            }
        }
        return found
    }

    /// Properties the schema allows for the object at `pointer` of `spec`, with their schemas.
    func properties(of spec: JSONValue, at pointer: JSONPointer) -> [(name: String, schema: JSONObject)] {
        var candidates: [JSONValue] = [schema]
        var prefix = JSONPointer.root
        for token in pointer.tokens {
            let here = spec.value(at: prefix)
            var next: [JSONValue] = []
            for candidate in candidates {
                if Int(token) != nil, case .object(let object) = candidate {
                    let arrays =
                        [object]
                        + ["oneOf", "anyOf"].flatMap { key -> [JSONObject] in
                            guard case .array(let alternatives)? = object[key] else { return [] }
                            return alternatives.compactMap { if case .object(let o) = $0 { o } else { nil } }
                        }
                    next += arrays.compactMap { $0["items"] }
                } else {
                    for alternative in Self.objectAlternatives(candidate, matching: here) {
                        if case .object(let properties)? = alternative["properties"], let child = properties[token] {
                            next.append(child)
                        }
                    }
                }
            }
            candidates = next
            prefix = Int(token).map { prefix.appending($0) } ?? prefix.appending(token)
        }
        var result: [(name: String, schema: JSONObject)] = []
        let here = spec.value(at: pointer)
        for candidate in candidates {
            for alternative in Self.objectAlternatives(candidate, matching: here) {
                guard case .object(let properties)? = alternative["properties"] else { continue }
                for property in properties.members where !result.contains(where: { $0.name == property.key }) {
                    if case .object(let propertySchema) = property.value {
                        result.append((property.key, propertySchema))
                    }
                }
            }
        }
        return result
    }

    /// Values at and beyond the limits of one property schema (nothing when it has none).
    static func limitValues(_ schema: JSONObject) -> [(String, JSONValue)] {
        func number(_ key: String) -> Double? {
            if case .number(let number)? = schema[key] { return number.double }
            return nil
        }
        func value(_ x: Double) -> JSONValue {
            .number(JSONNumber(text: x.rounded() == x && abs(x) < 9e18 ? String(Int64(x)) : "\(x)"))
        }
        var values: [(String, JSONValue)] = []
        if let minimum = number("minimum") {
            values += [("at minimum", value(minimum)), ("below minimum", value(minimum - 1))]
        }
        if let maximum = number("maximum") {
            values += [("at maximum", value(maximum)), ("above maximum", value(maximum + 1))]
        }
        if let exclusive = number("exclusiveMinimum") {
            values += [
                ("at exclusive minimum", value(exclusive)), ("just above it", .number(JSONNumber(text: "5e-324"))),
            ]
        }
        if let maxItems = number("maxItems") {
            values.append(("\(Int(maxItems) + 1) items", .array(Array(repeating: 1, count: Int(maxItems) + 1))))
        }
        if let minItems = number("minItems"), minItems > 0 { values.append(("empty array", [])) }
        return values
    }
}
