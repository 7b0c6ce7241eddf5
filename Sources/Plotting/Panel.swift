/// One set of axes in a figure.
public struct Panel: Sendable {
    /// Shown above the axes, e.g. "layer 3".
    public var title: String?
    public var x: Axis
    public var y: Axis
    public var layers: [PlotLayer]
    /// Small notes drawn in the top-right corner (clipped values, omitted points); the drawer
    /// adds its own for non-finite or non-positive values it had to omit.
    public var notes: [String]

    public init(
        title: String? = nil, x: Axis = Axis(), y: Axis = Axis(), layers: [PlotLayer] = [], notes: [String] = []
    ) {
        self.title = title
        self.x = x
        self.y = y
        self.layers = layers
        self.notes = notes
    }
}

/// An entry of a figure's legend.
public struct LegendEntry: Sendable {
    public enum Swatch: Sendable {
        /// A line sample in the style's colour (or `color`), dashed and marked like the series
        /// it stands for.
        case line(style: Int, color: Color? = nil, dashed: Bool = false, marker: Bool = false)
        /// A filled box (bars, bands).
        case box(style: Int)
    }

    public var label: String
    public var swatch: Swatch

    public init(_ label: String, swatch: Swatch) {
        self.label = label
        self.swatch = swatch
    }
}

/// A vertical colour bar at the right of the figure.
public struct ColorBar: Sendable {
    public var label: String
    public var colormap: Colormap
    public var range: ClosedRange<Double>
    public var logarithmic: Bool

    public init(label: String, colormap: Colormap, range: ClosedRange<Double>, logarithmic: Bool = false) {
        self.label = label
        self.colormap = colormap
        self.range = range
        self.logarithmic = logarithmic
    }
}
