import CCairo
import Foundation

/// A `Canvas` drawing through one Cairo context, which it owns. Single owner, single thread.
public final class CairoCanvas: Canvas {
    private let context: OpaquePointer
    private let fonts: FontStore

    /// Draws on `surface` (which must outlive the canvas); `scale` maps points to device units.
    init(surface: CairoSurface, scale: Double) throws(PlottingError) {
        guard let context = cairo_create(surface.handle), cairo_status(context) == CAIRO_STATUS_SUCCESS else {
            throw PlottingError("Cairo could not create a drawing context")
        }
        self.context = context
        fonts = try FontStore.shared.get()
        cairo_scale(context, scale, scale)
        FontStore.applyOptions(to: context)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(context, CAIRO_LINE_CAP_BUTT)
    }

    deinit { cairo_destroy(context) }

    private func setColor(_ color: Color) {
        cairo_set_source_rgba(context, color.red, color.green, color.blue, color.alpha)
    }

    public func fill(_ rect: Rect, color: Color) {
        setColor(color)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_fill(context)
    }

    public func stroke(_ rect: Rect, color: Color, width: Double) {
        setColor(color)
        cairo_set_line_width(context, width)
        cairo_set_dash(context, nil, 0, 0)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_stroke(context)
    }

    public func polyline(_ points: [Point], color: Color, width: Double, dashes: [Double]) {
        guard let first = points.first, points.count > 1 else { return }
        setColor(color)
        cairo_set_line_width(context, width)
        dashes.withUnsafeBufferPointer { cairo_set_dash(context, $0.baseAddress, Int32(dashes.count), 0) }
        cairo_move_to(context, first.x, first.y)
        for point in points.dropFirst() { cairo_line_to(context, point.x, point.y) }
        cairo_stroke(context)
    }

    public func polygon(_ points: [Point], fill color: Color) {
        guard let first = points.first, points.count > 2 else { return }
        setColor(color)
        cairo_move_to(context, first.x, first.y)
        for point in points.dropFirst() { cairo_line_to(context, point.x, point.y) }
        cairo_close_path(context)
        cairo_fill(context)
    }

    public func marker(_ marker: Marker, at point: Point, size: Double, color: Color) {
        let r = size / 2
        cairo_set_dash(context, nil, 0, 0)
        switch marker {
        case .circle:
            cairo_new_sub_path(context)
            cairo_arc(context, point.x, point.y, r, 0, 2 * Double.pi)
            setColor(color)
            cairo_fill(context)
        case .square:
            fill(Rect(x: point.x - r * 0.9, y: point.y - r * 0.9, width: 1.8 * r, height: 1.8 * r), color: color)
        case .triangle:
            polygon(
                [
                    Point(point.x, point.y - r * 1.1), Point(point.x + r, point.y + r * 0.75),
                    Point(point.x - r, point.y + r * 0.75),
                ], fill: color)
        case .diamond:
            polygon(
                [
                    Point(point.x, point.y - r * 1.2), Point(point.x + r, point.y), Point(point.x, point.y + r * 1.2),
                    Point(point.x - r, point.y),
                ], fill: color)
        case .cross:
            polyline(
                [Point(point.x - r, point.y - r), Point(point.x + r, point.y + r)], color: color, width: size / 4,
                dashes: [])
            polyline(
                [Point(point.x - r, point.y + r), Point(point.x + r, point.y - r)], color: color, width: size / 4,
                dashes: [])
        case .plus:
            polyline(
                [Point(point.x - r, point.y), Point(point.x + r, point.y)], color: color, width: size / 4, dashes: [])
            polyline(
                [Point(point.x, point.y - r), Point(point.x, point.y + r)], color: color, width: size / 4, dashes: [])
        }
    }

    private func setFont(_ style: TextStyle, size: Double? = nil) {
        cairo_set_font_face(context, fonts.face(for: style.weight))
        cairo_set_font_size(context, size ?? style.size)
    }

    public func measure(_ string: String, style: TextStyle) -> TextMetrics {
        measure(RichText(string), style: style)
    }

    /// Width is the sum of the runs' advances; ascent and descent are the base font's.
    private func measure(_ rich: RichText, style: TextStyle) -> TextMetrics {
        var width = 0.0
        for run in rich.runs {
            setFont(style, size: RichText.metrics(of: run.shift, size: style.size).size)
            width += Self.measure(run.text, context: context).width
        }
        setFont(style)
        let base = Self.measure("", context: context)
        return TextMetrics(width: width, ascent: base.ascent, descent: base.descent)
    }

    static func measure(_ string: String, context: OpaquePointer) -> TextMetrics {
        var text = cairo_text_extents_t()
        var font = cairo_font_extents_t()
        cairo_text_extents(context, string, &text)
        cairo_font_extents(context, &font)
        return TextMetrics(width: text.x_advance, ascent: font.ascent, descent: font.descent)
    }

    public func text(_ string: String, at point: Point, style: TextStyle, anchor: TextAnchor, angle: Double) {
        let rich = RichText(string)
        let metrics = measure(rich, style: style)
        let dx: Double =
            switch anchor.horizontal {
            case .left: 0
            case .center: -metrics.width / 2
            case .right: -metrics.width
            }
        let dy: Double =
            switch anchor.vertical {
            case .top: metrics.ascent
            case .middle: (metrics.ascent - metrics.descent) / 2
            case .baseline: 0
            case .bottom: -metrics.descent
            }
        cairo_save(context)
        cairo_translate(context, point.x, point.y)
        cairo_rotate(context, -angle)
        setColor(style.color)
        var x = dx
        for run in rich.runs {
            let (size, rise) = RichText.metrics(of: run.shift, size: style.size)
            setFont(style, size: size)
            cairo_move_to(context, x, dy + rise)
            cairo_show_text(context, run.text)
            x += Self.measure(run.text, context: context).width
        }
        cairo_restore(context)
    }

    public func clipped(to rect: Rect, _ body: () -> Void) {
        cairo_save(context)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(context)
        body()
        cairo_restore(context)
    }
}
