/// The look of the n-th series: an Okabe-Ito colour plus a redundant cue (dash pattern and
/// marker), so series stay distinguishable in greyscale and for colour-blind readers. The order is
/// fixed: passing the same index in every figure of a report keeps a variant's look.
public struct SeriesStyle: Hashable, Sendable {
    public let color: Color
    /// Dash lengths in points; empty for a solid line.
    public let dashes: [Double]
    public let marker: Marker

    /// Okabe & Ito (2008) colours, ordered for white backgrounds (yellow last).
    public static let palette: [Color] = [
        Color(hex: 0x0072B2), Color(hex: 0xD55E00), Color(hex: 0x009E73), Color(hex: 0xE69F00),
        Color(hex: 0xCC79A7), Color(hex: 0x56B4E9), Color(hex: 0x000000), Color(hex: 0xF0E442),
    ]

    static let dashPatterns: [[Double]] = [
        [], [4, 2], [1.2, 1.6], [5, 1.5, 1.2, 1.5], [2.5, 2.5], [6, 2, 2, 2, 2, 2],
    ]

    public static func at(_ index: Int) -> SeriesStyle {
        let safe = max(0, index)
        return SeriesStyle(
            color: palette[safe % palette.count], dashes: dashPatterns[safe % dashPatterns.count],
            marker: Marker.allCases[safe % Marker.allCases.count])
    }
}

/// Point markers.
public enum Marker: CaseIterable, Hashable, Sendable {
    case circle, square, triangle, diamond, cross, plus
}
