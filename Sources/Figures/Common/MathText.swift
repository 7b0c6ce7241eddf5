import ExperimentKinds
import Foundation

/// Symbols of the mean-field theory written two ways: plain Unicode for captions and tables
/// ("σw²", "ξc", "χ1"), and with the plotting module's sub- and superscript markup for figure
/// text ("σ_{w}²", "ξ_{c}", "χ_{1}").
enum MathText {
    private static let subscripted: [(plain: String, marked: String)] = [
        ("\u{03C3}w", "\u{03C3}_{w}"), ("\u{03C3}b", "\u{03C3}_{b}"), ("\u{03BE}c", "\u{03BE}_{c}"),
        ("\u{03BE}q", "\u{03BE}_{q}"),
        ("\u{03C7}1", "\u{03C7}_{1}"), ("\u{03C7}c", "\u{03C7}_{c}"), ("\u{03BC}1", "\u{03BC}_{1}"),
        ("\u{03BC}2", "\u{03BC}_{2}"),
        ("log\u{2081}\u{2080}", "log_{10}"), ("log\u{2082}", "log_{2}"),
    ]

    /// `plain` with the theory's subscripts marked up for a figure.
    static func figure(_ plain: String) -> String {
        subscripted.reduce(plain) { $0.replacingOccurrences(of: $1.plain, with: $1.marked) }
    }
}
