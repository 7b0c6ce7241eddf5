import Foundation
import Plotting
import Testing

@Suite struct FigureExporterTests {
    static func sample(seed: Double = 1) -> Figure {
        let x = (0..<50).map(Double.init)
        let panels = [
            Panel(
                title: "curves", x: Axis(label: "iteration"), y: Axis(label: "loss", scale: .log),
                layers: [
                    .band(x: x, lower: x.map { 2 / ($0 + 1) }, upper: x.map { 4 / ($0 + 1) }, style: 0),
                    .line(LineSeries(x: x, y: x.map { 3 / ($0 + seed) }, style: 0)),
                    .line(LineSeries(x: x, y: x.map { 1 / ($0 + 2) }, style: 1)),
                    .reference(ReferenceLine(.horizontal, at: 0.5, label: "ln 10")),
                ]),
            Panel(
                title: "histogram", x: Axis(label: "value"), y: Axis(label: "fraction"),
                layers: [
                    .bars(edges: [0, 0.25, 0.5, 0.75, 1], heights: [0.1, 0.4, 0.3, 0.2], style: 2)
                ], notes: ["3 values clipped"]),
        ]
        return Figure(
            widthInches: 3.4, heightInches: 2, rows: 1, columns: 2, panels: panels,
            legend: [
                LegendEntry("a", swatch: .line(style: 0, color: nil)),
                LegendEntry("b", swatch: .line(style: 1, color: nil)),
            ])
    }

    @Test func outputsAreByteIdenticalAcrossRenderings() throws {
        let first = try FigureExporter.render(Self.sample(), title: "fig-test")
        _ = try FigureExporter.render(Self.sample(seed: 2), title: "other")
        let second = try FigureExporter.render(Self.sample(), title: "fig-test")
        #expect(first.png == second.png)
        #expect(first.pdf == second.pdf)
        #expect(first.svg == second.svg)
        #expect(first.pixelDigest == second.pixelDigest)
        let changed = try FigureExporter.render(Self.sample(seed: 2), title: "fig-test")
        #expect(changed.pixelDigest != first.pixelDigest)
    }

    @Test func pngIs300DotsPerInchAtPrintSize() throws {
        let output = try FigureExporter.render(Self.sample(), title: "fig-test")
        #expect(output.pixelWidth == 1020 && output.pixelHeight == 600)
        #expect(output.png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func pdfEmbedsTheFontAndHasAFixedDate() throws {
        let pdf = String(decoding: try FigureExporter.render(Self.sample(), title: "fig-test").pdf, as: UTF8.self)
        #expect(pdf.hasPrefix("%PDF-"))
        #expect(pdf.contains("/FontFile2") || pdf.contains("/FontFile3"))
        #expect(pdf.contains("DejaVuSans"))
        // Cairo 1.16 writes the fixed date without the "D:" prefix.
        #expect(pdf.contains("/CreationDate (20000101000000Z)") || pdf.contains("/CreationDate (D:20000101000000"))
        #expect(!pdf.contains("/Type3"))
    }

    @Test func svgSurfaceIdsDoNotDependOnEarlierRenderings() throws {
        let first = try FigureExporter.render(Self.sample(), title: "fig-test").svg
        // Cairo numbers its surfaces per process: other renderings in between would shift them.
        for seed in 2...4 { _ = try FigureExporter.render(Self.sample(seed: Double(seed)), title: "other") }
        let later = try FigureExporter.render(Self.sample(), title: "fig-test").svg
        let svg = String(decoding: later, as: UTF8.self)
        #expect(svg.contains("id=\"surface1\""))
        #expect(later == first)
    }
}
