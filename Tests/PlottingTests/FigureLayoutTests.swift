import Plotting
import Testing

/// Layout properties checked on the recorded drawing operations.
@Suite struct FigureLayoutTests {
    static func grid() -> Figure {
        let edges = (0...30).map { Double($0) / 30 }
        let panels = (0..<15).map { index in
            Panel(
                title: index < 5 ? "layer \(index + 1)" : nil,
                layers: [
                    .bars(
                        edges: edges, heights: edges.dropLast().map { 0.1 + 0.5 * $0 * Double(index % 5 + 1) / 5 },
                        style: index / 5)
                ], notes: index % 2 == 0 ? ["1.2% outside [0, 1]"] : [])
        }
        return Figure(
            widthInches: 7, heightInches: 3.7, rows: 3, columns: 5, panels: panels, rowLabels: ["a", "b", "c"],
            xLabel: "activation value", yLabel: "fraction of values", shareX: .all, shareY: .line)
    }

    static func record(_ figure: Figure) throws -> RecordingCanvas {
        let canvas = try RecordingCanvas()
        FigureDrawer(figure).draw(on: canvas)
        return canvas
    }

    @Test func horizontalTextsNeverOverlap() throws {
        let texts = try Self.record(Self.grid()).texts.filter { $0.angle == 0 }
        #expect(texts.count > 30, "titles, letters, ticks and notes: \(texts.count) texts")
        for (i, first) in texts.enumerated() {
            for second in texts[(i + 1)...] {
                #expect(!first.box.intersects(second.box), "\"\(first.string)\" overlaps \"\(second.string)\"")
            }
        }
    }

    @Test func everyPanelIsLetteredAndTheFirstRowTitled() throws {
        let strings = try Self.record(Self.grid()).texts.map(\.string)
        for letter in "abcdefghijklmno" { #expect(strings.contains("(\(letter))")) }
        for layer in 1...5 { #expect(strings.contains("layer \(layer)")) }
    }

    @Test func everythingFitsOnThePage() throws {
        let figure = Self.grid()
        let page = Rect(x: 0, y: 0, width: figure.size.width, height: figure.size.height)
        let texts = try Self.record(figure).texts
        #expect(texts.filter { $0.angle == 0 }.count > 30 && texts.contains { $0.angle != 0 })
        for text in texts where text.angle == 0 {
            #expect(
                text.box.minX >= 0 && text.box.maxX <= page.maxX && text.box.minY >= 0 && text.box.maxY <= page.maxY,
                "\(text.string) leaves the page")
        }
    }

    /// The notes sit in headroom added above the data, so no bar reaches into a note's box.
    @Test func notesDoNotCoverData() throws {
        let canvas = try Self.record(Self.grid())
        let notes = canvas.texts.filter { $0.style == .note }
        #expect(!notes.isEmpty)
        let barPoints = canvas.polylines.filter { $0.count > 10 }.flatMap { $0 }
        #expect(barPoints.count >= 15 * 60, "every panel's bar outline")
        for note in notes {
            #expect(!barPoints.contains { note.box.contains($0) }, "data under \"\(note.string)\"")
        }
    }

    @Test func legendSitsAboveThePanels() throws {
        let x = (0..<10).map(Double.init)
        let figure = Figure(
            widthInches: 3.4, heightInches: 2.2,
            panels: [
                Panel(
                    x: Axis(label: "x"), y: Axis(label: "y"),
                    layers: [.line(LineSeries(x: x, y: x, style: 0, showMarkers: true))])
            ], legend: [LegendEntry("rising", swatch: .line(style: 0, color: nil))])
        let canvas = try Self.record(figure)
        let legend = try #require(canvas.texts.first { $0.string == "rising" })
        #expect(canvas.markers.count == 10)
        #expect(canvas.markers.allSatisfy { $0.y > legend.box.maxY || abs($0.y - legend.box.midY) < 4 })
    }
}

extension Rect {
    var midY: Double { y + height / 2 }
}
