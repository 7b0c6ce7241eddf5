import Figures
import Foundation
import Plotting
import Testing

/// The layers of a panel by what they are.
extension Panel {
    var lines: [LineSeries] {
        layers.compactMap {
            guard case .line(let series) = $0 else { return nil }
            return series
        }
    }

    var bars: [(edges: [Double], heights: [Double], style: Int)] {
        layers.compactMap {
            guard case .bars(let edges, let heights, let style) = $0 else { return nil }
            return (edges, heights, style)
        }
    }

    var bands: [(x: [Double], lower: [Double], upper: [Double], style: Int)] {
        layers.compactMap {
            guard case .band(let x, let lower, let upper, let style) = $0 else { return nil }
            return (x, lower, upper, style)
        }
    }

    var heatmaps: [Heatmap] {
        layers.compactMap {
            guard case .heatmap(let map) = $0 else { return nil }
            return map
        }
    }

    var references: [ReferenceLine] {
        layers.compactMap {
            guard case .reference(let line) = $0 else { return nil }
            return line
        }
    }

    var annotations: [Annotation] {
        layers.compactMap {
            guard case .annotation(let annotation) = $0 else { return nil }
            return annotation
        }
    }
}

extension Figure {
    var legendLabels: [String] { legend.map(\.label) }

    /// The figure drawn on a recording canvas: every text, polyline and marker it draws.
    func recorded() throws -> RecordingCanvas {
        let canvas = try RecordingCanvas()
        FigureDrawer(self).draw(on: canvas)
        return canvas
    }

    /// The notes the drawer writes in panel corners (the figure's own and the drawer's count of
    /// points it could not draw), possibly shortened with an ellipsis to fit.
    func drawnNotes() throws -> [String] {
        try recorded().texts.filter { $0.style.color == TextStyle.note.color && $0.style.size <= TextStyle.note.size }
            .map(\.string)
    }

    /// The colours data is drawn in: curves, bars (outline and fill), bands and heatmap cells.
    var dataColors: [Color] {
        var colors: [Color] = []
        for panel in panels {
            for layer in panel.layers {
                switch layer {
                case .line(let series):
                    colors.append(series.color ?? SeriesStyle.at(series.style).color)
                case .bars(_, let heights, let style):
                    if heights.contains(where: { $0 > 0 }) {
                        colors.append(SeriesStyle.at(style).color)
                        colors.append(SeriesStyle.at(style).color.lightened(0.55))
                    }
                case .band(_, _, _, let style):
                    colors.append(SeriesStyle.at(style).color)
                case .heatmap(let map):
                    colors += map.cellColors
                case .reference, .annotation:
                    break
                }
            }
        }
        var unique: [Color] = []
        for color in colors where !unique.contains(color) { unique.append(color) }
        return unique
    }

    /// Colours that must show as solid pixels in the PNG: opaque curves at least 0.8 pt wide,
    /// bar fills and heatmap cells, except white (the background) and black (the axes are
    /// nearly black).
    var solidDataColors: [Color] {
        var colors: [Color] = []
        for panel in panels {
            for layer in panel.layers {
                switch layer {
                case .line(let series) where series.opacity == 1 && series.width >= 0.8:
                    colors.append(series.color ?? SeriesStyle.at(series.style).color)
                case .bars(_, let heights, let style) where heights.contains(where: { $0 > 0.01 }):
                    colors.append(SeriesStyle.at(style).color.lightened(0.55))
                case .heatmap(let map):
                    colors += map.cellColors
                default:
                    break
                }
            }
        }
        let excluded = [Color.white, Color.black]
        var unique: [Color] = []
        for color in colors where !unique.contains(color) && !excluded.contains(color) { unique.append(color) }
        return unique
    }
}

extension Heatmap {
    /// The colour of every finite cell, as the drawer maps it (linear maps).
    var cellColors: [Color] {
        values.flatMap { $0 }.filter(\.isFinite).map { value in
            colormap.color(
                at: range.upperBound > range.lowerBound
                    ? (value - range.lowerBound) / (range.upperBound - range.lowerBound) : 0.5)
        }
    }
}

/// The checks every rendered figure gets: each format is a real drawing of the draft.
enum RenderChecks {
    /// The PNG decodes to the print size at 300 dpi with ink on it and every data colour in
    /// solid pixels; the PDF is one page of the print size whose content paints every data
    /// colour; the SVG is of the print size and paints every data colour.
    static func check(
        _ rendered: RenderedFigure, against draft: FigureDraft, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let name = rendered.id
        #expect(
            rendered.png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(name): not a PNG", sourceLocation: sourceLocation)
        let pixels = try RenderedOutput.pixels(ofPNG: rendered.png)
        #expect(
            pixels.width == Int((rendered.widthInches * 300).rounded())
                && pixels.height == Int((rendered.heightInches * 300).rounded()),
            "\(name): \(pixels.width)x\(pixels.height) px for \(rendered.widthInches)x\(rendered.heightInches) in",
            sourceLocation: sourceLocation)
        let total = pixels.width * pixels.height
        // Axes, ticks and labels alone cover about 1% of a figure; data far more.
        #expect(
            pixels.nonWhite > total / 50, "\(name): only \(pixels.nonWhite) of \(total) pixels are not white",
            sourceLocation: sourceLocation)
        #expect(
            pixels.chromatic > total / 200, "\(name): only \(pixels.chromatic) of \(total) pixels are in colour",
            sourceLocation: sourceLocation)
        let solid = draft.figure.solidDataColors
        #expect(!solid.isEmpty, "\(name): no data colour to look for", sourceLocation: sourceLocation)
        for color in solid {
            let count = pixels.count(near: color)
            #expect(
                count >= 40, "\(name): \(count) pixels of data colour \(RenderedOutput.bytes(color))",
                sourceLocation: sourceLocation)
        }

        let pdf = rendered.pdf
        #expect(pdf.starts(with: Array("%PDF-".utf8)), "\(name): not a PDF", sourceLocation: sourceLocation)
        let page = RenderedOutput.pdfPageSize(pdf)
        #expect(
            page.map {
                abs($0.width - rendered.widthInches * 72) < 0.01 && abs($0.height - rendered.heightInches * 72) < 0.01
            } == true, "\(name): PDF page \(String(describing: page))", sourceLocation: sourceLocation)
        let pdfColors = RenderedOutput.pdfColors(try RenderedOutput.pdfContent(pdf))
        let svgColors = RenderedOutput.svgColors(rendered.svg)
        let svg = String(decoding: rendered.svg, as: UTF8.self)
        #expect(
            svg.hasPrefix("<?xml") && svg.contains("width=\"\(CaptionNumber.points(rendered.widthInches * 72))pt\""),
            "\(name): SVG header \(svg.prefix(200))", sourceLocation: sourceLocation)
        for color in draft.figure.dataColors {
            let inPDF = RenderedOutput.contains(pdfColors, color)
            let inSVG = RenderedOutput.contains(svgColors, color)
            #expect(
                inPDF, "\(name): the PDF never paints \(RenderedOutput.bytes(color))", sourceLocation: sourceLocation)
            #expect(
                inSVG, "\(name): the SVG never paints \(RenderedOutput.bytes(color))", sourceLocation: sourceLocation)
        }
    }
}

/// Numbers as Cairo writes them in SVG sizes ("504pt", "244.8pt").
enum CaptionNumber {
    static func points(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%g", value)
    }
}
