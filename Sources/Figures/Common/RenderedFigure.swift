import ExperimentKinds
import Foundation

/// A drawn figure in every output format, with what a report needs to cite it.
public struct RenderedFigure: Sendable {
    /// `fig-<experiment>-<name>`: file name stem, HTML anchor, citation label.
    public let id: String
    public let name: String
    /// One-line title (shown in bold before the caption).
    public let title: String
    /// What the figure shows, how many seeds, what the bands are, what was clipped.
    public let caption: String
    /// Print size in inches.
    public let widthInches: Double
    public let heightInches: Double
    public let png: Data
    public let pdf: Data
    public let svg: Data
    /// SHA-256 of the raw pixels (width, height, stride, bytes) of the PNG rendering: comparable
    /// across machines whose zlib/libpng compress differently.
    public let pixelDigest: String

    public init(
        id: String, name: String, title: String, caption: String, widthInches: Double, heightInches: Double,
        png: Data, pdf: Data, svg: Data, pixelDigest: String
    ) {
        self.id = id
        self.name = name
        self.title = title
        self.caption = caption
        self.widthInches = widthInches
        self.heightInches = heightInches
        self.png = png
        self.pdf = pdf
        self.svg = svg
        self.pixelDigest = pixelDigest
    }
}
