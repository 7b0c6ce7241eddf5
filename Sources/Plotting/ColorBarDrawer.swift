import Foundation

/// A vertical colour bar with ticks and a rotated label.
struct ColorBarDrawer {
    let bar: ColorBar
    let area: Rect
    let ticks: [(value: Double, label: String)]
    let labelWidth: Double

    static func ticks(for bar: ColorBar) -> [(value: Double, label: String)] {
        let axis = Axis(scale: bar.logarithmic ? .log : .linear)
        return axis.tickMarks(for: bar.range, target: 5)
    }

    func draw(on canvas: Canvas) {
        let steps = 128
        let map = Heatmap(
            xEdges: [0, 1], yEdges: [0, 1], values: [], colormap: bar.colormap, range: bar.range,
            logarithmic: bar.logarithmic)
        let axis = Axis(scale: bar.logarithmic ? .log : .linear)
        for step in 0..<steps {
            let t0 = Double(step) / Double(steps)
            let t1 = Double(step + 1) / Double(steps)
            let value =
                bar.logarithmic
                ? pow(
                    10,
                    log10(bar.range.lowerBound) + (t0 + t1) / 2
                        * (log10(bar.range.upperBound) - log10(bar.range.lowerBound)))
                : bar.range.lowerBound + (t0 + t1) / 2 * (bar.range.upperBound - bar.range.lowerBound)
            let top = area.maxY - t1 * area.height
            let bottom = area.maxY - t0 * area.height
            // Each step reaches half a point into the next one (drawn later), so no seams show.
            let overlap = step < steps - 1 ? 0.5 : 0
            canvas.fill(
                Rect(x: area.minX, y: top - overlap, width: area.width, height: bottom - top + overlap),
                color: map.color(for: value) ?? .white)
        }
        canvas.stroke(area, color: .ink, width: 0.5)
        for tick in ticks {
            let position = axis.map(tick.value, range: bar.range, from: area.maxY, to: area.minY)
            guard position >= area.minY - 0.01, position <= area.maxY + 0.01 else { continue }
            canvas.line(
                from: Point(area.maxX, position), to: Point(area.maxX + FigureLayout.tickLength, position), color: .ink,
                width: 0.5)
            canvas.text(
                tick.label, at: Point(area.maxX + FigureLayout.tickLength + FigureLayout.tickGap, position),
                style: .tick,
                anchor: TextAnchor(.left, .middle))
        }
        let labelX = area.maxX + FigureLayout.tickLength + FigureLayout.tickGap + labelWidth + 3
        canvas.text(
            bar.label, at: Point(labelX, area.midY), style: .label, anchor: TextAnchor(.center, .top), angle: .pi / 2)
    }
}
