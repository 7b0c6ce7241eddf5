import JSON

extension Schema {
    /// This schema as JSON Schema (draft 2020-12), for editor completion and outside validators.
    public var jsonSchema: JSONValue {
        var object = JSONObject()
        if !summary.isEmpty { object["description"] = .string(summary) }
        switch kind {
        case .object(let properties):
            object["type"] = "object"
            object["properties"] = .object(JSONObject(properties.map { (key: $0.name, value: $0.schema.jsonSchema) }))
            let required = properties.filter(\.isRequired).map { JSONValue.string($0.name) }
            if !required.isEmpty { object["required"] = .array(required) }
            object["additionalProperties"] = false
        case .array(let items, let minItems, let maxItems):
            object["type"] = "array"
            object["items"] = items.jsonSchema
            if minItems > 0 { object["minItems"] = .integer(minItems) }
            if let maxItems { object["maxItems"] = .integer(maxItems) }
        case .integer(let minimum, let maximum):
            object["type"] = "integer"
            if let minimum { object["minimum"] = .integer(minimum) }
            if let maximum { object["maximum"] = .integer(maximum) }
        case .unsignedInteger:
            object["type"] = "integer"
            object["minimum"] = .integer(0)
            object["maximum"] = .integer(UInt64.max)
        case .number(let minimum, let maximum, let exclusiveMinimum):
            object["type"] = "number"
            if let minimum { object[exclusiveMinimum ? "exclusiveMinimum" : "minimum"] = .double(minimum) }
            if let maximum { object["maximum"] = .double(maximum) }
        case .string(let allowed, let minLength, let maxLength):
            object["type"] = "string"
            if let allowed { object["enum"] = .array(allowed.map { .string($0) }) }
            if minLength > 0 { object["minLength"] = .integer(minLength) }
            if allowed == nil { object["maxLength"] = .integer(maxLength) }
        case .boolean:
            object["type"] = "boolean"
        case .anyObject:
            object["type"] = "object"
        case .alternatives(let options):
            object["anyOf"] = .array(options.map(\.jsonSchema))
        case .tagged(let key, let cases, let allowsShorthand):
            var choices: [JSONValue] = cases.map { $0.schema.jsonSchema }
            if allowsShorthand {
                choices.insert(["type": "string", "enum": .array(cases.map { .string($0.name) })], at: 0)
            }
            object["oneOf"] = .array(choices)
            object["discriminator"] = ["propertyName": .string(key)]
        }
        if let defaultValue { object["default"] = defaultValue }
        return .object(object)
    }

    /// The root document: the schema plus `$schema` and `$id`.
    public func jsonSchemaDocument(id: String, title: String) -> JSONValue {
        guard case .object(var object) = jsonSchema else { return jsonSchema }
        var document = JSONObject()
        document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        document["$id"] = .string(id)
        document["title"] = .string(title)
        for member in object.members { document[member.key] = member.value }
        object = document
        return .object(object)
    }
}
