import Randomness
import Testing

@testable import Datasets

@Suite struct FeatureBuilderTests {
    /// Average pooling against its definition, computed here in Double: the mean of each whole
    /// factor x factor block (edges that do not fill a block dropped); factor 1 is the pixels.
    @Test(arguments: [1, 2, 3])
    func poolingIsTheBlockMean(factor: Int) {
        var stream = RandomStream(seed: 4, path: "tests/pooling")
        let (count, rows, columns) = (3, 7, 5)
        let images = LabeledImages(
            pixels: (0..<(count * rows * columns)).map { _ in UInt8(stream.nextInt(below: 256)) },
            labels: [0, 1, 2], rows: rows, columns: columns)
        let pooled = FeatureBuilder.pooled(images, factor: factor)
        let (height, width) = (rows / factor, columns / factor)
        #expect(pooled.rows == count && pooled.columns == height * width)
        for image in 0..<count {
            for row in 0..<height {
                for column in 0..<width {
                    var sum = 0.0
                    for dy in 0..<factor {
                        for dx in 0..<factor {
                            sum += Double(
                                images.pixels[
                                    image * rows * columns + (row * factor + dy) * columns + column * factor + dx])
                        }
                    }
                    #expect(pooled[image, row * width + column] == Float(sum / Double(factor * factor)))
                }
            }
        }
    }
}
