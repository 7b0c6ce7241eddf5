import LinearAlgebra

/// Images to feature rows: optional average pooling, then scaling.
enum FeatureBuilder {
    static func build(
        name: String, train: LabeledImages, test: LabeledImages, preprocessing: Preprocessing, files: [DataFile]
    ) -> Dataset {
        let pool = max(1, preprocessing.pooling)
        var trainFeatures = pooled(train, factor: pool)
        var testFeatures = pooled(test, factor: pool)
        let width = trainFeatures.columns
        switch preprocessing.scaling {
        case .unit:
            for index in trainFeatures.elements.indices { trainFeatures.elements[index] /= 255 }
            for index in testFeatures.elements.indices { testFeatures.elements[index] /= 255 }
        case .standardize:
            var mean = [Double](repeating: 0, count: width)
            var variance = mean
            for row in 0..<trainFeatures.rows { for j in 0..<width { mean[j] += Double(trainFeatures[row, j]) } }
            for j in 0..<width { mean[j] /= Double(max(trainFeatures.rows, 1)) }
            for row in 0..<trainFeatures.rows {
                for j in 0..<width {
                    let d = Double(trainFeatures[row, j]) - mean[j]
                    variance[j] += d * d
                }
            }
            // Constant features (e.g. always-black border pixels) are centred but not scaled.
            let scale = variance.map { v -> Double in
                let std = (v / Double(max(trainFeatures.rows, 1))).squareRoot()
                return std > 0 ? 1 / std : 1
            }
            standardize(&trainFeatures, mean: mean, scale: scale)
            standardize(&testFeatures, mean: mean, scale: scale)
        case .none:
            break
        }
        let side = "\(train.rows / pool)x\(train.columns / pool)"
        let summary =
            "\(name): \(train.count) training and \(test.count) test images of \(side) pixels"
            + (pool > 1 ? " (\(pool)x\(pool) average-pooled from \(train.rows)x\(train.columns))" : "")
            + ", "
            + (preprocessing.scaling == .unit
                ? "pixels scaled to [0, 1]"
                : preprocessing.scaling == .standardize ? "standardized with training statistics" : "raw pixel values")
        return Dataset(
            name: name,
            train: Dataset.Split(features: trainFeatures, labels: train.labels.map { Int32($0) }),
            test: Dataset.Split(features: testFeatures, labels: test.labels.map { Int32($0) }),
            // Every label the network is tested on needs an output, also one absent from training.
            classCount: Int(max(train.labels.max() ?? 0, test.labels.max() ?? 0)) + 1, files: files, summary: summary)
    }

    private static func standardize(_ matrix: inout Matrix<Float>, mean: [Double], scale: [Double]) {
        let width = matrix.columns
        for row in 0..<matrix.rows {
            for j in 0..<width { matrix[row, j] = Float((Double(matrix[row, j]) - mean[j]) * scale[j]) }
        }
    }

    /// Pixel values as floats, each `factor` x `factor` block averaged (edges that do not fill a
    /// block are dropped).
    static func pooled(_ images: LabeledImages, factor: Int) -> Matrix<Float> {
        // No pooling: each pixel as it is (the loop below would give the same bits, Float(p) / 1, at
        // five times the cost; it was half of loading Fashion-MNIST).
        if factor == 1 {
            return Matrix(rows: images.count, columns: images.pixelsPerImage, elements: images.pixels.map { Float($0) })
        }
        let rows = images.rows / factor
        let columns = images.columns / factor
        var elements = [Float](repeating: 0, count: images.count * rows * columns)
        images.pixels.withUnsafeBufferPointer { pixels in
            for image in 0..<images.count {
                let source = image * images.pixelsPerImage
                let target = image * rows * columns
                for row in 0..<rows {
                    for column in 0..<columns {
                        var sum = 0
                        for dy in 0..<factor {
                            for dx in 0..<factor {
                                sum += Int(pixels[source + (row * factor + dy) * images.columns + column * factor + dx])
                            }
                        }
                        elements[target + row * columns + column] = Float(sum) / Float(factor * factor)
                    }
                }
            }
        }
        return Matrix(rows: images.count, columns: rows * columns, elements: elements)
    }
}
