/// A whole figure: print size, a grid of panels and what they share.
///
/// Built declaratively by the caller, laid out and drawn by `FigureDrawer`, exported by
/// `FigureExporter`. Sizes are in inches at print size; text in points.
public struct Figure: Sendable {
    /// Which panels share an axis range (and show its tick labels only on the outer panels).
    public enum Sharing: Sendable, Hashable {
        case none
        /// Within each row (y) or column (x).
        case line
        case all
    }

    public var widthInches: Double
    public var heightInches: Double
    public var rows: Int
    public var columns: Int
    /// Row-major; may be shorter than rows x columns (empty cells at the end).
    public var panels: [Panel]
    /// Written rotated at the left of each row (e.g. variant names).
    public var rowLabels: [String]?
    /// One x-axis label under the grid and one y-axis label left of it, instead of per panel.
    public var xLabel: String?
    public var yLabel: String?
    public var shareX: Sharing
    public var shareY: Sharing
    /// A legend in a band above the panels: it never covers data.
    public var legend: [LegendEntry]
    public var colorBar: ColorBar?
    /// Letter the panels (a), (b), ...
    public var letters: Bool

    public init(
        widthInches: Double, heightInches: Double, rows: Int = 1, columns: Int = 1, panels: [Panel],
        rowLabels: [String]? = nil, xLabel: String? = nil, yLabel: String? = nil, shareX: Sharing = .none,
        shareY: Sharing = .none, legend: [LegendEntry] = [], colorBar: ColorBar? = nil, letters: Bool = true
    ) {
        self.widthInches = widthInches
        self.heightInches = heightInches
        self.rows = rows
        self.columns = columns
        self.panels = panels
        self.rowLabels = rowLabels
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.shareX = shareX
        self.shareY = shareY
        self.legend = legend
        self.colorBar = colorBar
        self.letters = letters
    }

    /// Width and height in points.
    public var size: Size { Size(widthInches * 72, heightInches * 72) }
}
