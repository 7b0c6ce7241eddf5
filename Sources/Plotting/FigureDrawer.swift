import Foundation

/// Lays out and draws a `Figure` on any `Canvas`.
public struct FigureDrawer {
    public let figure: Figure

    public init(_ figure: Figure) { self.figure = figure }

    static let axisWidth = 0.6
    static let tickTarget = 5

    public func draw(on canvas: Canvas) {
        let size = figure.size
        canvas.fill(Rect(x: 0, y: 0, width: size.width, height: size.height), color: .white)
        var ranges = PanelRanges(figure: figure)
        let legendRows = LegendLayout(entries: figure.legend, width: size.width - 20, canvas: canvas)
        let colorBarTicks = figure.colorBar.map { ColorBarDrawer.ticks(for: $0) } ?? []
        let colorBarLabelWidth = colorBarTicks.map { canvas.measure($0.label, style: .tick).width }.max() ?? 0
        func arrange(_ ranges: PanelRanges) -> (
            layout: FigureLayout, yTicks: [[(value: Double, label: String)]], yTickWidth: Double
        ) {
            let yTicks = zip(figure.panels, ranges.y).map { $0.y.tickMarks(for: $1, target: Self.tickTarget) }
            let yTickWidth = yTicks.flatMap { $0 }.map { canvas.measure($0.label, style: .tick).width }.max() ?? 0
            let xTickWidth =
                zip(figure.panels, ranges.x).flatMap { $0.x.tickMarks(for: $1, target: Self.tickTarget) }
                .map { canvas.measure($0.label, style: .tick).width }.max() ?? 0
            let layout = FigureLayout(
                figure: figure, canvas: canvas, yTickLabelWidth: yTickWidth, xTickLabelWidth: xTickWidth,
                legendHeight: legendRows.height, colorBarLabelWidth: colorBarLabelWidth)
            return (layout, yTicks, yTickWidth)
        }
        var (layout, yTicks, yTickWidth) = arrange(ranges)
        if figure.panels.contains(where: { !$0.notes.isEmpty }) {
            let noteHeight = canvas.measure("0", style: .note).height + 1
            let headroom = zip(figure.panels, layout.plotAreas).map { panel, area in
                panel.notes.isEmpty ? 0 : (Double(panel.notes.count) * noteHeight + 3) / max(area.height, 1)
            }
            ranges = ranges.withHeadroom(headroom, figure: figure)
            (layout, yTicks, yTickWidth) = arrange(ranges)
        }

        for (index, panel) in figure.panels.enumerated() {
            let row = index / figure.columns
            let column = index % figure.columns
            PanelDrawer(
                panel: panel, area: layout.plotAreas[index], xRange: ranges.x[index], yRange: ranges.y[index],
                yTicks: yTicks[index], showXTickLabels: layout.showsXTickLabels(row),
                showYTickLabels: layout.showsYTickLabels(column), showXLabel: figure.xLabel == nil,
                showYLabel: figure.yLabel == nil && layout.showsYTickLabels(column),
                letter: figure.letters ? "(\(Self.letter(index)))" : nil, yTickWidth: yTickWidth
            )
            .draw(on: canvas)
        }
        drawSharedLabels(layout: layout, canvas: canvas)
        if let area = layout.legendArea { legendRows.draw(in: area, canvas: canvas) }
        if let bar = figure.colorBar, let area = layout.colorBarArea {
            ColorBarDrawer(bar: bar, area: area, ticks: colorBarTicks, labelWidth: colorBarLabelWidth).draw(on: canvas)
        }
    }

    private func drawSharedLabels(layout: FigureLayout, canvas: Canvas) {
        let areas = layout.plotAreas
        guard let first = areas.first else { return }
        let left = areas.map(\.minX).min()!
        let right = areas.map(\.maxX).max()!
        let top = first.minY
        let bottom = areas.map(\.maxY).max()!
        if let xLabel = figure.xLabel {
            canvas.text(
                xLabel, at: Point((left + right) / 2, layout.xLabelY), style: .label,
                anchor: TextAnchor(.center, .middle))
        }
        if let yLabel = figure.yLabel {
            canvas.text(
                yLabel, at: Point(layout.yLabelX, (top + bottom) / 2), style: .label,
                anchor: TextAnchor(.center, .middle), angle: .pi / 2)
        }
        if let rowLabels = figure.rowLabels, let length = areas.map(\.height).min() {
            let lines = rowLabels.map { layout.rowLabelLines == 2 ? Self.split($0, canvas: canvas) : [$0] }
            // One size for every row label: the largest at which all of them fit.
            let style =
                lines.flatMap { $0 }.map { Self.fit($0, within: length, canvas: canvas).1 }.min { $0.size < $1.size }
                ?? .label
            let lineHeight = canvas.measure("0", style: style).height
            for (row, label) in lines.enumerated() where row * figure.columns < areas.count {
                let area = areas[row * figure.columns]
                for (index, line) in label.enumerated() {
                    // Rotated text: the first line is the one further left.
                    let offset = (Double(index) - Double(label.count - 1) / 2) * lineHeight
                    canvas.text(
                        Self.cut(line, to: length, style: style, canvas: canvas),
                        at: Point(layout.rowLabelX + offset, area.midY),
                        style: style, anchor: TextAnchor(.center, .middle), angle: .pi / 2)
                }
            }
        }
    }

    /// A label in two lines, broken at a space so that the longer line is as short as possible.
    static func split(_ label: String, canvas: Canvas) -> [String] {
        let characters = Array(label)
        let style = TextStyle(size: 7, weight: .bold)
        let candidates = characters.indices.filter { characters[$0] == " " }.map { index in
            [String(characters[..<index]), String(characters[(index + 1)...])]
        }
        return candidates.min { first, second in
            first.map { canvas.measure($0, style: style).width }.max()! < second.map {
                canvas.measure($0, style: style).width
            }.max()!
        } ?? [label]
    }

    /// `text` cut with an ellipsis to `length` (only when it does not fit even at 6 pt).
    static func cut(_ text: String, to length: Double, style: TextStyle, canvas: Canvas) -> String {
        guard canvas.measure(text, style: style).width > length else { return text }
        var shortened = text
        while shortened.count > 1 && canvas.measure(shortened + "…", style: style).width > length {
            shortened.removeLast()
        }
        return shortened + "…"
    }

    /// The style a row label is set in: bold 8 pt, else smaller down to 6 pt (then cut with an
    /// ellipsis; the full label is in the caption and the legend of every table).
    static func fit(_ label: String, within length: Double, canvas: Canvas) -> (String, TextStyle) {
        for size in [8.0, 7, 6] {
            let style = TextStyle(size: size, weight: .bold)
            if canvas.measure(label, style: style).width <= length { return (label, style) }
        }
        let style = TextStyle(size: 6, weight: .bold)
        return (cut(label, to: length, style: style, canvas: canvas), style)
    }

    /// a, b, ..., z, aa, ab, ...
    static func letter(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return index < 26 ? String(letters[index]) : String(letters[index / 26 - 1]) + String(letters[index % 26])
    }
}

extension Rect {
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }
}
