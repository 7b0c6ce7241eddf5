import JSON

/// One network compared in an experiment: a label, a stable key and its resolved network.
public struct NetworkVariant: Sendable {
    /// Names the variant's random streams (`variant/<key>/...`); stable under label edits when
    /// given explicitly.
    public let key: String
    public let label: String
    public let network: NetworkSpec

    /// The variants of an experiment; a single "base" variant when the spec lists none.
    static func readAll(_ list: SpecReader?, network: SpecReader) throws(SpecError) -> [NetworkVariant] {
        // The base network is checked even when every variant overrides parts of it.
        let base = try NetworkSpec.read(network)
        guard let list, !list.elements.isEmpty else {
            return [NetworkVariant(key: "base", label: "base", network: base)]
        }
        var variants: [NetworkVariant] = []
        for reader in list.elements {
            let label = reader.member("label").string
            let key = reader["key"]?.string ?? slug(label)
            let keyReader = reader["key"] ?? reader.member("label")
            guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
            else {
                throw keyReader.error(
                    "a variant key may contain only ASCII letters, digits, '-', '_' and '.', found \"\(key)\"")
            }
            if variants.contains(where: { $0.key == key }) {
                throw keyReader.error("variant key \"\(key)\" is used twice; give the variants distinct labels or keys")
            }
            variants.append(
                NetworkVariant(key: key, label: label, network: try NetworkSpec.read(network, overrides: reader)))
        }
        return variants
    }

    /// "Xavier (1/sqrt n)" -> "xavier-1-sqrt-n".
    static func slug(_ label: String) -> String {
        var slug = ""
        for character in label.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                slug.append(character)
            } else if !slug.isEmpty && slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug
    }
}
