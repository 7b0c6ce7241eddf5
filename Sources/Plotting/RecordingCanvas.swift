import CCairo

/// A `Canvas` that keeps what was drawn, for testing layouts without files. Text is measured
/// with the same fonts as the Cairo canvas, so boxes match the real output.
public final class RecordingCanvas: Canvas {
    /// A drawn text and the box it occupies (unrotated texts only have meaningful boxes).
    public struct DrawnText: Sendable {
        public let string: String
        public let box: Rect
        public let style: TextStyle
        public let angle: Double
    }

    public private(set) var texts: [DrawnText] = []
    public private(set) var polylines: [[Point]] = []
    public private(set) var markers: [Point] = []
    public private(set) var filledRects: [Rect] = []
    private let measuringSurface: CairoSurface
    private let measuring: CairoCanvas

    public init() throws(PlottingError) {
        measuringSurface = try CairoSurface.image(width: 1, height: 1)
        measuring = try CairoCanvas(surface: measuringSurface, scale: 1)
    }

    public func fill(_ rect: Rect, color: Color) { filledRects.append(rect) }
    public func stroke(_ rect: Rect, color: Color, width: Double) {}
    public func polyline(_ points: [Point], color: Color, width: Double, dashes: [Double]) {
        if points.count > 1 { polylines.append(points) }
    }
    public func polygon(_ points: [Point], fill: Color) {}
    public func marker(_ marker: Marker, at point: Point, size: Double, color: Color) { markers.append(point) }

    public func text(_ string: String, at point: Point, style: TextStyle, anchor: TextAnchor, angle: Double) {
        texts.append(
            DrawnText(
                string: string, box: box(of: string, at: point, style: style, anchor: anchor), style: style,
                angle: angle))
    }

    public func measure(_ string: String, style: TextStyle) -> TextMetrics { measuring.measure(string, style: style) }

    public func clipped(to rect: Rect, _ body: () -> Void) { body() }
}
