/// Where each panel's axes go: computed from the text the figure will show, so tick labels,
/// titles and legends get exactly the room they need at print size.
struct FigureLayout {
    static let padding = 3.0
    static let tickLength = 2.5
    static let tickGap = 1.5
    static let panelGap = 7.0
    /// Space between a panel's top edge and its title's baseline: clears the top tick label.
    static let headingGap = 6.0

    /// Plot areas (inside the axes) of the panels, row-major.
    let plotAreas: [Rect]
    /// The band above the panels for the legend.
    let legendArea: Rect?
    /// The colour bar's rectangle.
    let colorBarArea: Rect?
    /// Where the shared labels and row labels go.
    let rowLabelX: Double
    /// Row labels too long for one line along a row are set on two.
    let rowLabelLines: Int
    let yLabelX: Double
    let xLabelY: Double
    /// Whether panel (row, column) shows its tick labels.
    let showsXTickLabels: (Int) -> Bool
    let showsYTickLabels: (Int) -> Bool

    init(
        figure: Figure, canvas: Canvas, yTickLabelWidth: Double, xTickLabelWidth: Double, legendHeight: Double,
        colorBarLabelWidth: Double
    ) {
        let size = figure.size
        let tickHeight = canvas.measure("0", style: .tick).height
        let labelHeight = canvas.measure("0", style: .label).height
        let titleHeight = canvas.measure("0", style: .title).height
        let rows = figure.rows
        let columns = figure.columns
        let panelsHaveXLabels = figure.xLabel == nil && figure.panels.contains { $0.x.label != nil }
        let panelsHaveYLabels = figure.yLabel == nil && figure.panels.contains { $0.y.label != nil }
        let shareX = figure.shareX
        let shareY = figure.shareY
        showsXTickLabels = { row in shareX == .none || row == rows - 1 }
        showsYTickLabels = { column in shareY == .none || column == 0 }

        // Vertically: legend band, panel headings, tick labels, the shared x label.
        var top = Self.padding
        var bottom = Self.padding
        if figure.xLabel != nil { bottom += labelHeight + 3 }
        xLabelY = size.height - Self.padding - labelHeight / 2
        let legendTop = top
        if legendHeight > 0 { top += legendHeight + 2 }
        let tickLabelBand = Self.tickLength + Self.tickGap
        func bottomMargin(_ row: Int) -> Double {
            (shareX == .none || row == rows - 1)
                ? tickLabelBand + 0.5 + tickHeight + (panelsHaveXLabels ? labelHeight + 2.5 : 0) : 4
        }
        let rowHasHeading = (0..<rows).map { row in
            (0..<columns).contains { column in
                let index = row * columns + column
                return index < figure.panels.count && (figure.panels[index].title != nil || figure.letters)
            }
        }
        func topMargin(_ row: Int) -> Double { rowHasHeading[row] ? titleHeight + Self.headingGap : 5 }
        let marginsY = (0..<rows).reduce(0) { $0 + topMargin($1) + bottomMargin($1) }
        let plotHeight = max(10, (size.height - top - bottom - marginsY - Double(rows - 1) * 4) / Double(rows))

        // Row labels run along a row's plot height; one too long for it at 7 pt goes on two lines.
        let long =
            figure.rowLabels?.contains {
                canvas.measure($0, style: TextStyle(size: 7, weight: .bold)).width > plotHeight
            } ?? false
        rowLabelLines = long ? 2 : 1

        // Horizontally: row labels, the shared y label, tick labels, the colour bar. The rightmost
        // x tick label is centred on the axis end: leave it half its width.
        var left = Self.padding
        var right = Self.padding + max(4, xTickLabelWidth / 2 + 1)
        if figure.rowLabels != nil {
            rowLabelX = left + Double(rowLabelLines) * labelHeight / 2
            left += Double(rowLabelLines) * labelHeight + 3
        } else {
            rowLabelX = left
        }
        if figure.yLabel != nil {
            yLabelX = left + labelHeight / 2
            left += labelHeight + 3
        } else {
            yLabelX = left
        }
        legendArea =
            legendHeight > 0 ? Rect(x: left, y: legendTop, width: size.width - left - right, height: legendHeight) : nil
        var colorBarWidth = 0.0
        if figure.colorBar != nil {
            colorBarWidth = 8 + 7 + Self.tickLength + Self.tickGap + colorBarLabelWidth + 3 + labelHeight
            right += colorBarWidth
        }
        // Neighbouring panels keep their outermost x tick labels apart.
        let innerGap = max(Self.panelGap, xTickLabelWidth + 5)
        func leftMargin(_ column: Int) -> Double {
            (shareY == .none || column == 0)
                ? tickLabelBand + yTickLabelWidth + (panelsHaveYLabels ? labelHeight + 2 : 0) : innerGap
        }
        let marginsX = (0..<columns).reduce(0) { $0 + leftMargin($1) }
        let plotWidth = max(10, (size.width - left - right - marginsX - Double(columns - 1) * 2) / Double(columns))

        var areas: [Rect] = []
        var y = top
        for row in 0..<rows {
            y += topMargin(row)
            var x = left
            for column in 0..<columns {
                x += leftMargin(column)
                areas.append(Rect(x: x, y: y, width: plotWidth, height: plotHeight))
                x += plotWidth + 2
            }
            y += plotHeight + bottomMargin(row) + 4
        }
        plotAreas = areas
        if figure.colorBar != nil, let first = areas.first, let last = areas.last {
            colorBarArea = Rect(
                x: size.width - Self.padding - 4 - colorBarWidth + 8, y: first.minY, width: 7,
                height: last.maxY - first.minY)
        } else {
            colorBarArea = nil
        }
    }
}
