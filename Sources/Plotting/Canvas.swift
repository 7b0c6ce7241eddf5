/// The drawing operations a figure needs: the seam between layout and backend. `CairoCanvas`
/// draws for real; `RecordingCanvas` keeps the operations so tests can check a layout.
public protocol Canvas: AnyObject {
    func fill(_ rect: Rect, color: Color)
    func stroke(_ rect: Rect, color: Color, width: Double)
    /// An open polyline; `dashes` empty for solid.
    func polyline(_ points: [Point], color: Color, width: Double, dashes: [Double])
    /// A closed filled polygon.
    func polygon(_ points: [Point], fill: Color)
    func marker(_ marker: Marker, at point: Point, size: Double, color: Color)
    /// Text at a reference point, rotated by `angle` radians (counter-clockwise, e.g. pi/2 for a
    /// vertical y-axis label).
    func text(_ string: String, at point: Point, style: TextStyle, anchor: TextAnchor, angle: Double)
    func measure(_ string: String, style: TextStyle) -> TextMetrics
    /// Runs `body` with drawing restricted to `rect`.
    func clipped(to rect: Rect, _ body: () -> Void)
}

extension Canvas {
    public func text(_ string: String, at point: Point, style: TextStyle, anchor: TextAnchor) {
        text(string, at: point, style: style, anchor: anchor, angle: 0)
    }

    public func line(from start: Point, to end: Point, color: Color, width: Double, dashes: [Double] = []) {
        polyline([start, end], color: color, width: width, dashes: dashes)
    }

    /// The box a text occupies once anchored (unrotated).
    public func box(of string: String, at point: Point, style: TextStyle, anchor: TextAnchor) -> Rect {
        let metrics = measure(string, style: style)
        let x: Double =
            switch anchor.horizontal {
            case .left: point.x
            case .center: point.x - metrics.width / 2
            case .right: point.x - metrics.width
            }
        let top: Double =
            switch anchor.vertical {
            case .top: point.y
            case .middle: point.y - metrics.height / 2
            case .baseline: point.y - metrics.ascent
            case .bottom: point.y - metrics.height
            }
        return Rect(x: x, y: top, width: metrics.width, height: metrics.height)
    }
}
