import CCairo
import Foundation

/// Renders a figure to PNG (300 dpi at print size), PDF (vector, fonts embedded, fixed dates)
/// and SVG (normalized ids), all in memory, plus the digest of the PNG's raw pixels.
public enum FigureExporter {
    /// One figure in every format.
    public struct Output: Sendable {
        public let png: Data
        public let pdf: Data
        public let svg: Data
        public let pixelDigest: String
        public let pixelWidth: Int
        public let pixelHeight: Int
    }

    public static let defaultDPI = 300.0

    public static func render(_ figure: Figure, title: String, dpi: Double = defaultDPI) throws(PlottingError) -> Output
    {
        let size = figure.size
        let drawer = FigureDrawer(figure)

        let width = Int((size.width * dpi / 72).rounded())
        let height = Int((size.height * dpi / 72).rounded())
        let image = try CairoSurface.image(width: width, height: height)
        do {
            let canvas = try CairoCanvas(surface: image, scale: dpi / 72)
            drawer.draw(on: canvas)
        }
        let png = try image.pngData()
        let digest = image.pixelDigest()

        let pdfSurface = try CairoSurface.pdf(width: size.width, height: size.height, title: title)
        do {
            let canvas = try CairoCanvas(surface: pdfSurface, scale: 1)
            drawer.draw(on: canvas)
        }
        let pdf = try pdfSurface.finishDocument()

        let svgSurface = try CairoSurface.svg(width: size.width, height: size.height)
        do {
            let canvas = try CairoCanvas(surface: svgSurface, scale: 1)
            drawer.draw(on: canvas)
        }
        let svg = SVGNormalizer.normalize(try svgSurface.finishDocument())
        return Output(png: png, pdf: pdf, svg: svg, pixelDigest: digest, pixelWidth: width, pixelHeight: height)
    }
}
