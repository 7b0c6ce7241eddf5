/// Plot text with TeX-like sub- and superscripts in braces: `ξ_{c}`, `σ_{w}^{2}`, `χ_{1} = 1`.
/// Only the braced forms are markup, so labels such as `he_normal` print as written.
struct RichText: Equatable {
    enum Shift: Equatable { case none, lowered, raised }

    struct Run: Equatable {
        let text: String
        let shift: Shift
    }

    /// Sub- and superscripts are set at this fraction of the surrounding size.
    static let scriptScale = 0.7

    let runs: [Run]

    init(_ string: String) {
        var runs: [Run] = []
        var plain = ""
        var rest = Substring(string)
        while let first = rest.first {
            if first == "_" || first == "^", rest.dropFirst().first == "{", let close = rest.firstIndex(of: "}") {
                if !plain.isEmpty { runs.append(Run(text: plain, shift: .none)) }
                plain = ""
                let body = rest[rest.index(rest.startIndex, offsetBy: 2)..<close]
                runs.append(Run(text: String(body), shift: first == "_" ? .lowered : .raised))
                rest = rest[rest.index(after: close)...]
            } else {
                plain.append(first)
                rest = rest.dropFirst()
            }
        }
        if !plain.isEmpty || runs.isEmpty { runs.append(Run(text: plain, shift: .none)) }
        self.runs = runs
    }

    /// The text without markup (for accessibility and tests).
    var plainText: String { runs.map(\.text).joined() }

    /// Font size and baseline offset (downwards positive) of a run set in text of `size`.
    static func metrics(of shift: Shift, size: Double) -> (size: Double, rise: Double) {
        switch shift {
        case .none: (size, 0)
        case .lowered: (size * scriptScale, size * 0.22)
        case .raised: (size * scriptScale, -size * 0.38)
        }
    }
}
