/// Grey images with one label each, as stored in IDX files: pixels 0-255, row-major.
public struct LabeledImages: Sendable, Equatable {
    public let pixels: [UInt8]
    public let labels: [UInt8]
    public let rows: Int
    public let columns: Int

    public init(pixels: [UInt8], labels: [UInt8], rows: Int, columns: Int) {
        precondition(
            pixels.count == labels.count * rows * columns, "pixel count does not match labels x rows x columns")
        self.pixels = pixels
        self.labels = labels
        self.rows = rows
        self.columns = columns
    }

    public var count: Int { labels.count }
    public var pixelsPerImage: Int { rows * columns }

    /// The images at `indices`, in that order.
    public func selecting(_ indices: [Int]) -> LabeledImages {
        var pixels: [UInt8] = []
        pixels.reserveCapacity(indices.count * pixelsPerImage)
        for index in indices { pixels += self.pixels[(index * pixelsPerImage)..<((index + 1) * pixelsPerImage)] }
        return LabeledImages(pixels: pixels, labels: indices.map { labels[$0] }, rows: rows, columns: columns)
    }
}
