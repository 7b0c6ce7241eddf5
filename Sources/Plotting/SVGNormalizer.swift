import Foundation

/// Cairo names SVG groups `surfaceN` from a process-wide counter, so the same figure's SVG bytes
/// depend on what was rendered before it. Renumbering the ids in order of first appearance makes
/// them a function of the figure alone.
enum SVGNormalizer {
    static func normalize(_ data: Data) -> Data {
        let text = String(decoding: data, as: UTF8.self)
        var mapping: [Substring: String] = [:]
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var rest = text[...]
        while let range = rest.range(of: "surface") {
            output += rest[..<range.lowerBound]
            var end = range.upperBound
            while end < rest.endIndex, rest[end].isASCII, rest[end].isNumber { end = rest.index(after: end) }
            let digits = rest[range.upperBound..<end]
            if digits.isEmpty {
                output += "surface"
            } else {
                let replacement = mapping[digits] ?? "\(mapping.count + 1)"
                mapping[digits] = replacement
                output += "surface" + replacement
            }
            rest = rest[end...]
        }
        output += rest
        return Data(output.utf8)
    }
}
