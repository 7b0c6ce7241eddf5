/// A figure legend set in rows above the panels, centred, wrapping when it is too wide.
struct LegendLayout {
    static let swatchWidth = 16.0
    static let spacing = 10.0

    let entries: [LegendEntry]
    let rows: [[(entry: LegendEntry, width: Double)]]
    let rowHeight: Double

    init(entries: [LegendEntry], width: Double, canvas: Canvas) {
        self.entries = entries
        rowHeight = canvas.measure("0", style: .label).height + 2
        var rows: [[(entry: LegendEntry, width: Double)]] = []
        var current: [(entry: LegendEntry, width: Double)] = []
        var used = 0.0
        for entry in entries {
            let itemWidth = Self.swatchWidth + 3 + canvas.measure(entry.label, style: .label).width
            if !current.isEmpty && used + Self.spacing + itemWidth > width {
                rows.append(current)
                current = []
                used = 0
            }
            used += (current.isEmpty ? 0 : Self.spacing) + itemWidth
            current.append((entry, itemWidth))
        }
        if !current.isEmpty { rows.append(current) }
        self.rows = rows
    }

    var height: Double { Double(rows.count) * rowHeight }

    func draw(in area: Rect, canvas: Canvas) {
        for (index, row) in rows.enumerated() {
            let total = row.reduce(0) { $0 + $1.width } + Double(row.count - 1) * Self.spacing
            var x = area.midX - total / 2
            let y = area.minY + (Double(index) + 0.5) * rowHeight
            for item in row {
                drawSwatch(item.entry.swatch, at: Point(x, y), canvas: canvas)
                canvas.text(
                    item.entry.label, at: Point(x + Self.swatchWidth + 3, y), style: .label,
                    anchor: TextAnchor(.left, .middle))
                x += item.width + Self.spacing
            }
        }
    }

    private func drawSwatch(_ swatch: LegendEntry.Swatch, at point: Point, canvas: Canvas) {
        switch swatch {
        case .line(let index, let color, let dashed, let marker):
            let style = SeriesStyle.at(index)
            let ink = color ?? style.color
            canvas.line(
                from: Point(point.x, point.y), to: Point(point.x + Self.swatchWidth, point.y), color: ink, width: 1.2,
                dashes: dashed ? style.dashes : [])
            if marker {
                canvas.marker(style.marker, at: Point(point.x + Self.swatchWidth / 2, point.y), size: 3.2, color: ink)
            }
        case .box(let index):
            let color = SeriesStyle.at(index).color
            let rect = Rect(x: point.x + 2, y: point.y - 3.5, width: Self.swatchWidth - 4, height: 7)
            canvas.fill(rect, color: color.lightened(0.55))
            canvas.stroke(rect, color: color, width: 0.6)
        }
    }
}
