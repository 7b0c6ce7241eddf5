/// How a piece of text is set: size in points, weight, colour.
public struct TextStyle: Hashable, Sendable {
    public enum Weight: Hashable, Sendable { case regular, bold }

    public var size: Double
    public var weight: Weight
    public var color: Color

    public init(size: Double, weight: Weight = .regular, color: Color = .ink) {
        self.size = size
        self.weight = weight
        self.color = color
    }

    /// Tick labels and notes.
    public static let tick = TextStyle(size: 7, color: .ink)
    /// Axis labels, legend entries, row labels.
    public static let label = TextStyle(size: 8)
    /// Panel titles.
    public static let title = TextStyle(size: 8)
    /// Panel letters "(a)".
    public static let letter = TextStyle(size: 8, weight: .bold)
    /// Small notes such as "12 values clipped".
    public static let note = TextStyle(size: 6, color: .muted)
}

/// Where a text's reference point sits relative to the text.
public struct TextAnchor: Hashable, Sendable {
    public enum Horizontal: Hashable, Sendable { case left, center, right }
    public enum Vertical: Hashable, Sendable { case top, middle, baseline, bottom }

    public var horizontal: Horizontal
    public var vertical: Vertical

    public init(_ horizontal: Horizontal, _ vertical: Vertical) {
        self.horizontal = horizontal
        self.vertical = vertical
    }
}

/// The measured extent of a text: advance width and the font's ascent and descent.
public struct TextMetrics: Hashable, Sendable {
    public let width: Double
    public let ascent: Double
    public let descent: Double
    public var height: Double { ascent + descent }
}
