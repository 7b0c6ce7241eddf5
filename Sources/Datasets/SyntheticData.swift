import LinearAlgebra
import Randomness

/// Seeded synthetic classification data for tests and quick experiments.
enum SyntheticData {
    static func gaussianBlobs(
        classes: Int, dimension: Int, trainCount: Int, testCount: Int, separation: Double,
        preprocessing: Preprocessing, stream: RandomStream
    ) -> Dataset {
        var meansStream = stream.derive("means")
        let means = (0..<classes).map { _ in (0..<dimension).map { _ in separation * meansStream.nextNormal() } }
        func split(_ name: String, count: Int) -> Dataset.Split {
            var samples = stream.derive(name)
            var labels: [Int32] = []
            var features: [Float] = []
            features.reserveCapacity(count * dimension)
            for _ in 0..<count {
                let label = samples.nextInt(below: classes)
                labels.append(Int32(label))
                for j in 0..<dimension { features.append(Float(means[label][j] + samples.nextNormal())) }
            }
            return Dataset.Split(features: Matrix(rows: count, columns: dimension, elements: features), labels: labels)
        }
        return Dataset(
            name: "synthetic", train: split("train", count: trainCount), test: split("test", count: testCount),
            classCount: classes, files: [],
            summary:
                "synthetic: \(classes) Gaussian blobs in \(dimension) dimensions (means N(0, \(separation)^2), unit noise), \(trainCount) training and \(testCount) test samples"
        )
    }
}
