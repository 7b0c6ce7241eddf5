import Foundation

/// One thing drawn inside a panel's axes.
public enum PlotLayer: Sendable {
    /// A histogram: bars between consecutive `edges` with the given heights.
    case bars(edges: [Double], heights: [Double], style: Int)
    /// A curve through (x, y); non-finite points split it and are counted in a note.
    case line(LineSeries)
    /// A filled band between `lower` and `upper` (mean ± sd over seeds).
    case band(x: [Double], lower: [Double], upper: [Double], style: Int)
    /// A matrix of colours.
    case heatmap(Heatmap)
    /// A horizontal or vertical reference line with an optional label ("ln 10").
    case reference(ReferenceLine)
    /// A text placed in data coordinates ("ordered", "chaotic", a curve's name).
    case annotation(Annotation)
}

/// A curve and how it looks.
public struct LineSeries: Sendable {
    public var x: [Double]
    public var y: [Double]
    /// Index into `SeriesStyle` (colour, dash, marker).
    public var style: Int
    public var width: Double
    /// 1 for the main line; lower for a faint "raw" line under a smoothed one.
    public var opacity: Double
    public var showMarkers: Bool
    /// Draw the dash pattern of the style (false: solid).
    public var dashed: Bool
    /// Override colour (e.g. black for an overlaid theory curve).
    public var color: Color?

    public init(
        x: [Double], y: [Double], style: Int, width: Double = 1, opacity: Double = 1, showMarkers: Bool = false,
        dashed: Bool = true, color: Color? = nil
    ) {
        self.x = x
        self.y = y
        self.style = style
        self.width = width
        self.opacity = opacity
        self.showMarkers = showMarkers
        self.dashed = dashed
        self.color = color
    }
}

/// Values on a rectangular grid: `values[row][column]`, rows along y, columns along x.
public struct Heatmap: Sendable {
    public var xEdges: [Double]
    public var yEdges: [Double]
    public var values: [[Double]]
    public var colormap: Colormap
    /// The value range mapped to the colour map's ends.
    public var range: ClosedRange<Double>
    /// Map log10 of the values (which must then be positive).
    public var logarithmic: Bool

    public init(
        xEdges: [Double], yEdges: [Double], values: [[Double]], colormap: Colormap = .viridis,
        range: ClosedRange<Double>, logarithmic: Bool = false
    ) {
        self.xEdges = xEdges
        self.yEdges = yEdges
        self.values = values
        self.colormap = colormap
        self.range = range
        self.logarithmic = logarithmic
    }

    /// The colour for a value, or nil for a value that cannot be shown (NaN, or ≤ 0 on a log map).
    func color(for value: Double) -> Color? {
        guard value.isFinite, !logarithmic || value > 0 else { return nil }
        let low = logarithmic ? Foundation.log10(range.lowerBound) : range.lowerBound
        let high = logarithmic ? Foundation.log10(range.upperBound) : range.upperBound
        let v = logarithmic ? Foundation.log10(value) : value
        return colormap.color(at: high > low ? (v - low) / (high - low) : 0.5)
    }
}

/// A straight reference line across the panel.
public struct ReferenceLine: Sendable {
    public enum Orientation: Sendable { case horizontal, vertical }

    public var orientation: Orientation
    public var value: Double
    public var label: String?
    public var color: Color

    public init(_ orientation: Orientation, at value: Double, label: String? = nil, color: Color = .muted) {
        self.orientation = orientation
        self.value = value
        self.label = label
        self.color = color
    }
}

/// A short text at a point given in data coordinates, drawn over the other layers.
public struct Annotation: Sendable {
    public var text: String
    public var x: Double
    public var y: Double
    public var anchor: TextAnchor
    public var color: Color
    public var size: Double

    public init(
        _ text: String, x: Double, y: Double, anchor: TextAnchor = TextAnchor(.center, .middle), color: Color = .ink,
        size: Double = 7
    ) {
        self.text = text
        self.x = x
        self.y = y
        self.anchor = anchor
        self.color = color
        self.size = size
    }
}
