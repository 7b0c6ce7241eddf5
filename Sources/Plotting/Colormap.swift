/// Continuous colour maps for heatmaps: perceptually uniform viridis (default) and cividis, and
/// a diverging blue-white-red map for signed quantities, centred at 0 by the caller's range.
public enum Colormap: String, CaseIterable, Hashable, Sendable {
    case viridis
    case cividis
    /// ColorBrewer RdBu reversed: blue for negative, white at the centre, red for positive.
    case diverging

    /// The colour at t in 0...1 (clamped), interpolated linearly between table entries.
    public func color(at t: Double) -> Color {
        let table: [(Double, Double, Double)]
        switch self {
        case .viridis: table = Self.viridisTable
        case .cividis: table = Self.cividisTable
        case .diverging: table = Self.divergingTable
        }
        let clamped = t.isNaN ? 0 : min(max(t, 0), 1)
        let position = clamped * Double(table.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, table.count - 1)
        let fraction = position - Double(lower)
        let (r0, g0, b0) = table[lower]
        let (r1, g1, b1) = table[upper]
        return Color(red: r0 + (r1 - r0) * fraction, green: g0 + (g1 - g0) * fraction, blue: b0 + (b1 - b0) * fraction)
    }

    /// ColorBrewer RdBu (11 classes), reversed.
    static let divergingTable: [(Double, Double, Double)] = [
        0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B, 0x67001F,
    ].map { (hex: UInt32) in (Double(hex >> 16 & 0xff) / 255, Double(hex >> 8 & 0xff) / 255, Double(hex & 0xff) / 255) }
}
