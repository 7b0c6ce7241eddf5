import Foundation

/// Draws one panel: axes, ticks, labels, then its layers clipped to the plot area.
struct PanelDrawer {
    let panel: Panel
    let area: Rect
    let xRange: ClosedRange<Double>
    let yRange: ClosedRange<Double>
    let yTicks: [(value: Double, label: String)]
    let showXTickLabels: Bool
    let showYTickLabels: Bool
    let showXLabel: Bool
    let showYLabel: Bool
    let letter: String?
    let yTickWidth: Double

    func x(_ value: Double) -> Double { panel.x.map(value, range: xRange, from: area.minX, to: area.maxX) }
    func y(_ value: Double) -> Double { panel.y.map(value, range: yRange, from: area.maxY, to: area.minY) }

    func draw(on canvas: Canvas) {
        var omitted = 0
        canvas.clipped(to: area) {
            for layer in panel.layers { omitted += draw(layer, on: canvas) }
        }
        drawAxes(on: canvas)
        drawHeading(on: canvas)
        var notes = panel.notes
        if omitted > 0 {
            notes.append(
                panel.y.scale == .log
                    ? "\(omitted) non-positive or non-finite points not shown"
                    : "\(omitted) non-finite points not shown")
        }
        drawNotes(notes, on: canvas)
    }

    /// Draws a layer; returns how many points could not be drawn.
    private func draw(_ layer: PlotLayer, on canvas: Canvas) -> Int {
        switch layer {
        case .bars(let edges, let heights, let style):
            drawBars(edges: edges, heights: heights, style: SeriesStyle.at(style), on: canvas)
            return 0
        case .band(let xs, let lower, let upper, let style):
            return drawBand(xs: xs, lower: lower, upper: upper, color: SeriesStyle.at(style).color, on: canvas)
        case .line(let series):
            return drawLine(series, on: canvas)
        case .heatmap(let map):
            drawHeatmap(map, on: canvas)
            return 0
        case .reference(let line):
            drawReference(line, on: canvas)
            return 0
        case .annotation(let note):
            guard plottable(note.x, note.y) else { return 0 }
            canvas.text(
                note.text, at: Point(x(note.x), y(note.y)), style: TextStyle(size: note.size, color: note.color),
                anchor: note.anchor)
            return 0
        }
    }

    private func plottable(_ xValue: Double, _ yValue: Double) -> Bool {
        xValue.isFinite && yValue.isFinite && (panel.x.scale == .linear || xValue > 0)
            && (panel.y.scale == .linear || yValue > 0)
    }

    private func drawBars(edges: [Double], heights: [Double], style: SeriesStyle, on canvas: Canvas) {
        guard edges.count == heights.count + 1, !heights.isEmpty else { return }
        let base = y(max(yRange.lowerBound, panel.y.scale == .log ? yRange.lowerBound : 0))
        var outline = [Point(x(edges[0]), base)]
        for (index, height) in heights.enumerated() {
            let top = y(min(max(height, yRange.lowerBound), yRange.upperBound))
            outline.append(Point(x(edges[index]), top))
            outline.append(Point(x(edges[index + 1]), top))
        }
        outline.append(Point(x(edges.last!), base))
        canvas.polygon(outline, fill: style.color.lightened(0.55))
        canvas.polyline(outline, color: style.color, width: 0.6, dashes: [])
    }

    private func drawBand(xs: [Double], lower: [Double], upper: [Double], color: Color, on canvas: Canvas) -> Int {
        var omitted = 0
        var segment: [(Double, Double, Double)] = []
        func flush() {
            guard segment.count > 1 else {
                segment = []
                return
            }
            let top = segment.map { Point(x($0.0), y($0.2)) }
            let bottom = segment.reversed().map { Point(x($0.0), y($0.1)) }
            canvas.polygon(top + bottom, fill: color.withAlpha(0.2))
            segment = []
        }
        for index in xs.indices where index < lower.count && index < upper.count {
            if plottable(xs[index], lower[index]) && plottable(xs[index], upper[index]) {
                segment.append((xs[index], lower[index], upper[index]))
            } else {
                omitted += 1
                flush()
            }
        }
        flush()
        return omitted
    }

    private func drawLine(_ series: LineSeries, on canvas: Canvas) -> Int {
        let style = SeriesStyle.at(series.style)
        let color = (series.color ?? style.color).withAlpha(series.opacity)
        let dashes = series.dashed ? style.dashes.map { $0 * max(1, series.width) } : []
        var omitted = 0
        var segment: [Point] = []
        var all: [Point] = []
        for index in series.x.indices where index < series.y.count {
            if plottable(series.x[index], series.y[index]) {
                let point = Point(x(series.x[index]), y(series.y[index]))
                segment.append(point)
                all.append(point)
            } else {
                omitted += 1
                canvas.polyline(segment, color: color, width: series.width, dashes: dashes)
                segment = []
            }
        }
        canvas.polyline(segment, color: color, width: series.width, dashes: dashes)
        if series.showMarkers {
            for point in all { canvas.marker(style.marker, at: point, size: 3.2, color: color) }
        }
        return omitted
    }

    private func drawHeatmap(_ map: Heatmap, on canvas: Canvas) {
        for (row, values) in map.values.enumerated() where row + 1 < map.yEdges.count {
            for (column, value) in values.enumerated() where column + 1 < map.xEdges.count {
                let left = x(map.xEdges[column])
                let right = x(map.xEdges[column + 1])
                let bottom = y(map.yEdges[row])
                let top = y(map.yEdges[row + 1])
                // Each cell reaches half a point into the next column and row, which are drawn
                // later and cover it: no anti-aliased background seams between cells.
                let rect = Rect(
                    x: min(left, right), y: min(top, bottom) - 0.5, width: abs(right - left) + 0.5,
                    height: abs(bottom - top) + 0.5)
                canvas.fill(rect, color: map.color(for: value) ?? Color(hex: 0xBBBBBB))
            }
        }
    }

    private func drawReference(_ line: ReferenceLine, on canvas: Canvas) {
        switch line.orientation {
        case .horizontal:
            guard plottable(xRange.lowerBound, line.value) else { return }
            let position = y(line.value)
            canvas.line(
                from: Point(area.minX, position), to: Point(area.maxX, position), color: line.color, width: 0.6,
                dashes: [3, 2])
            if let label = line.label {
                canvas.text(
                    label, at: Point(area.maxX - 2, position - 1), style: TextStyle(size: 6, color: line.color),
                    anchor: TextAnchor(.right, .bottom))
            }
        case .vertical:
            guard plottable(line.value, yRange.lowerBound) else { return }
            let position = x(line.value)
            canvas.line(
                from: Point(position, area.minY), to: Point(position, area.maxY), color: line.color, width: 0.6,
                dashes: [3, 2])
            if let label = line.label {
                canvas.text(
                    label, at: Point(position + 2, area.minY + 1), style: TextStyle(size: 6, color: line.color),
                    anchor: TextAnchor(.left, .top))
            }
        }
    }

    private func drawAxes(on canvas: Canvas) {
        let framed = panel.layers.contains(where: \.isHeatmap)
        let ink = Color.ink
        if framed {
            canvas.stroke(area, color: ink, width: FigureDrawer.axisWidth)
        } else {
            canvas.line(
                from: Point(area.minX, area.maxY), to: Point(area.maxX, area.maxY), color: ink,
                width: FigureDrawer.axisWidth)
            canvas.line(
                from: Point(area.minX, area.minY), to: Point(area.minX, area.maxY), color: ink,
                width: FigureDrawer.axisWidth)
        }
        let tick = FigureLayout.tickLength
        let gap = FigureLayout.tickGap
        // x ticks; labels thinned so that neighbours keep at least 3 pt apart.
        var lastRight = -Double.infinity
        for mark in panel.x.tickMarks(for: xRange, target: FigureDrawer.tickTarget) {
            let position = x(mark.value)
            guard position >= area.minX - 0.01, position <= area.maxX + 0.01 else { continue }
            canvas.line(
                from: Point(position, area.maxY), to: Point(position, area.maxY + tick), color: ink,
                width: FigureDrawer.axisWidth)
            guard showXTickLabels else { continue }
            // Half a point lower than the y labels' gap, so the corner labels of both axes never touch.
            let labelPoint = Point(position, area.maxY + tick + gap + 0.5)
            let box = canvas.box(of: mark.label, at: labelPoint, style: .tick, anchor: TextAnchor(.center, .top))
            if box.minX >= lastRight + 3 {
                canvas.text(mark.label, at: labelPoint, style: .tick, anchor: TextAnchor(.center, .top))
                lastRight = box.maxX
            }
        }
        var lastTop = Double.infinity
        for mark in yTicks {
            let position = y(mark.value)
            guard position >= area.minY - 0.01, position <= area.maxY + 0.01 else { continue }
            canvas.line(
                from: Point(area.minX - tick, position), to: Point(area.minX, position), color: ink,
                width: FigureDrawer.axisWidth)
            guard showYTickLabels else { continue }
            let labelPoint = Point(area.minX - tick - gap, position)
            let box = canvas.box(of: mark.label, at: labelPoint, style: .tick, anchor: TextAnchor(.right, .middle))
            if box.maxY <= lastTop - 1 {
                canvas.text(mark.label, at: labelPoint, style: .tick, anchor: TextAnchor(.right, .middle))
                lastTop = box.minY
            }
        }
        let tickHeight = canvas.measure("0", style: .tick).height
        if showXLabel, showXTickLabels, let label = panel.x.label {
            canvas.text(
                label, at: Point(area.midX, area.maxY + tick + gap + tickHeight + 2.5), style: .label,
                anchor: TextAnchor(.center, .top))
        }
        if showYLabel, let label = panel.y.label {
            canvas.text(
                label, at: Point(area.minX - tick - gap - yTickWidth - 2, area.midY), style: .label,
                anchor: TextAnchor(.center, .bottom), angle: .pi / 2)
        }
    }

    /// The panel letter at the left; the title centred over the plot, or moved right of the
    /// letter when centring would make them touch (narrow panels).
    private func drawHeading(on canvas: Canvas) {
        let baseline = area.minY - FigureLayout.headingGap
        var letterRight = -Double.infinity
        if let letter {
            let leftEdge =
                area.minX - (showYTickLabels ? FigureLayout.tickLength + FigureLayout.tickGap + yTickWidth : 0)
            canvas.text(letter, at: Point(leftEdge, baseline), style: .letter, anchor: TextAnchor(.left, .baseline))
            letterRight = leftEdge + canvas.measure(letter, style: .letter).width
        }
        if let title = panel.title {
            let width = canvas.measure(title, style: .title).width
            let x = max(area.midX, letterRight + 3 + width / 2)
            canvas.text(title, at: Point(x, baseline), style: .title, anchor: TextAnchor(.center, .baseline))
        }
    }

    /// Notes in the top right corner, each on a white backing; a note wider than the panel is
    /// set smaller, then cut with an ellipsis.
    private func drawNotes(_ notes: [String], on canvas: Canvas) {
        var top = area.minY + 2
        let room = area.width - 3
        for note in notes {
            var style = TextStyle.note
            if canvas.measure(note, style: style).width > room { style = TextStyle(size: 5, color: style.color) }
            var text = note
            while text.count > 1 && canvas.measure(text, style: style).width > room {
                text = String(text.dropLast(2)) + "…"
            }
            let point = Point(area.maxX - 2, top)
            let box = canvas.box(of: text, at: point, style: style, anchor: TextAnchor(.right, .top))
            canvas.fill(
                Rect(x: box.minX - 1, y: box.minY, width: box.width + 2, height: box.height),
                color: Color.white.withAlpha(0.85))
            canvas.text(text, at: point, style: style, anchor: TextAnchor(.right, .top))
            top = box.maxY + 1
        }
    }
}
