import Foundation

/// The axis ranges of every panel: from fixed ranges or the data, then unified across shared
/// panels so that small multiples are directly comparable.
struct PanelRanges {
    let x: [ClosedRange<Double>]
    let y: [ClosedRange<Double>]

    private init(x: [ClosedRange<Double>], y: [ClosedRange<Double>]) {
        self.x = x
        self.y = y
    }

    /// The same ranges with room at the top of each panel for a fraction `headroom[i]` of its
    /// height (where its notes go), so notes never cover data. Panels sharing y get the largest
    /// headroom of their group; fixed ranges are left alone.
    func withHeadroom(_ headroom: [Double], figure: Figure) -> PanelRanges {
        var needed = headroom
        if figure.shareY != .none {
            var groups: [Int: Double] = [:]
            for (index, value) in headroom.enumerated() {
                let key = figure.shareY == .all ? 0 : index / figure.columns
                groups[key] = max(groups[key] ?? 0, value)
            }
            needed = headroom.indices.map { groups[figure.shareY == .all ? 0 : $0 / figure.columns]! }
        }
        let adjusted = zip(figure.panels, zip(y, needed)).map { panel, pair -> ClosedRange<Double> in
            let (range, fraction) = pair
            guard fraction > 0, panel.y.range == nil, fraction < 0.8 else { return range }
            switch panel.y.scale {
            case .linear:
                let top = range.lowerBound + (range.upperBound - range.lowerBound) / (1 - fraction)
                return range.lowerBound...NiceTicks.expanded(low: range.lowerBound, high: top).high
            case .log:
                let span = log10(range.upperBound) - log10(range.lowerBound)
                return range.lowerBound...pow(10, ceil(log10(range.lowerBound) + span / (1 - fraction) - 1e-9))
            }
        }
        return PanelRanges(x: x, y: adjusted)
    }

    init(figure: Figure) {
        var x = figure.panels.map { Self.range(of: $0, horizontal: true) }
        var y = figure.panels.map { Self.range(of: $0, horizontal: false) }
        let columns = figure.columns
        Self.share(&x, mode: figure.shareX, fixed: figure.panels.map { $0.x.range != nil }) { index in index % columns }
        Self.share(&y, mode: figure.shareY, fixed: figure.panels.map { $0.y.range != nil }) { index in index / columns }
        // Histogram edges and heatmap cells are exact; curves get nice padded bounds.
        self.x = zip(figure.panels, x).map { panel, range in
            Self.finish(range, axis: panel.x, exact: panel.layers.contains { $0.isBars || $0.isHeatmap })
        }
        self.y = zip(figure.panels, y).map { panel, range in
            Self.finish(range, axis: panel.y, exact: panel.layers.contains(where: \.isHeatmap))
        }
    }

    /// Unions the ranges of panels in the same group (row, column or all).
    private static func share(
        _ ranges: inout [ClosedRange<Double>], mode: Figure.Sharing, fixed: [Bool], group: (Int) -> Int
    ) {
        guard mode != .none else { return }
        var unions: [Int: ClosedRange<Double>] = [:]
        for (index, range) in ranges.enumerated() {
            let key = mode == .all ? 0 : group(index)
            unions[key] =
                unions[key].map { min($0.lowerBound, range.lowerBound)...max($0.upperBound, range.upperBound) } ?? range
        }
        for index in ranges.indices where !fixed[index] {
            ranges[index] = unions[mode == .all ? 0 : group(index)]!
        }
    }

    /// The data range along one axis (fixed ranges win); bars start at 0.
    private static func range(of panel: Panel, horizontal: Bool) -> ClosedRange<Double> {
        let axis = horizontal ? panel.x : panel.y
        if let fixed = axis.range { return fixed }
        var values: [Double] = []
        for layer in panel.layers {
            switch layer {
            case .bars(let edges, let heights, _):
                values += horizontal ? edges : heights + [0]
            case .line(let series):
                values += horizontal ? series.x : series.y
            case .band(let x, let lower, let upper, _):
                values += horizontal ? x : lower + upper
            case .heatmap(let map):
                values += horizontal ? map.xEdges : map.yEdges
            case .reference(let line):
                if (line.orientation == .vertical) == horizontal { values.append(line.value) }
            case .annotation:
                break
            }
        }
        let usable = values.filter { $0.isFinite && (axis.scale == .linear || $0 > 0) }
        guard let low = usable.min(), let high = usable.max() else { return axis.scale == .log ? 0.1...1 : 0...1 }
        return low...high
    }

    /// Pads a data range to nice bounds (decades on log axes); leaves fixed ranges alone.
    private static func finish(_ range: ClosedRange<Double>, axis: Axis, exact: Bool) -> ClosedRange<Double> {
        if axis.range != nil || (exact && range.upperBound > range.lowerBound) { return range }
        let low = range.lowerBound
        let high = range.upperBound
        switch axis.scale {
        case .log:
            let lower = pow(10, floor(log10(low) + 1e-9))
            let upper = pow(10, ceil(log10(high) - 1e-9))
            return lower...(upper > lower ? upper : lower * 10)
        case .linear:
            if axis.integerTicks { return (low - 0.5)...(high + 0.5) }
            guard high > low else { return (low - 0.5)...(high + 0.5) }
            let expanded = NiceTicks.expanded(low: low, high: high)
            return expanded.low...expanded.high
        }
    }
}

extension PlotLayer {
    var isBars: Bool { if case .bars = self { true } else { false } }
    var isHeatmap: Bool { if case .heatmap = self { true } else { false } }
}
