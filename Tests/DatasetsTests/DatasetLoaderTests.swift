import Datasets
import Foundation
import Testing

@Suite struct DatasetLoaderTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
        .standardized
    static let hasFashion = FileManager.default.fileExists(
        atPath: DatasetLoader.fashionMNISTDirectory + "/train-images-idx3-ubyte.gz")
    static let hasMNIST5k = FileManager.default.fileExists(
        atPath: DatasetLoader.cacheDirectory(root: root).appendingPathComponent("mnist_5k.csv.gz").path)

    @Test(.enabled(if: hasFashion, "dataset-fashion-mnist is not installed (make data)"))
    func fashionMNISTHasItsPublishedShape() throws {
        let data = try DatasetLoader.load(.fashionMNIST, preprocessing: Preprocessing(), seed: 1, root: Self.root)
        #expect(data.train.count == 60000 && data.test.count == 10000 && data.classCount == 10)
        #expect(data.train.features.columns == 784)
        #expect((0..<10).allSatisfy { label in data.train.labels.filter { $0 == Int32(label) }.count == 6000 })
        // The first training image of Fashion-MNIST is an ankle boot (class 9); the first test image too.
        #expect(data.train.labels[0] == 9 && data.test.labels[0] == 9)
        #expect(data.train.features.elements.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(data.files.count == 4 && data.files.allSatisfy { $0.sha256.count == 64 })
    }

    @Test(.enabled(if: hasMNIST5k, "mnist-5k is not in the data cache (make data)"))
    func mnist5kSplitsPerClass() throws {
        let data = try DatasetLoader.load(
            .mnist5k(testPerClass: 100), preprocessing: Preprocessing(), seed: 7, root: Self.root)
        #expect(data.train.count == 4000 && data.test.count == 1000)
        for label in 0..<10 {
            #expect(data.train.labels.filter { $0 == Int32(label) }.count == 400)
            #expect(data.test.labels.filter { $0 == Int32(label) }.count == 100)
        }
        let again = try DatasetLoader.load(
            .mnist5k(testPerClass: 100), preprocessing: Preprocessing(), seed: 7, root: Self.root)
        #expect(again.test.features == data.test.features)
        let other = try DatasetLoader.load(
            .mnist5k(testPerClass: 100), preprocessing: Preprocessing(), seed: 8, root: Self.root)
        #expect(other.test.features != data.test.features)
    }

    @Test func missingMNIST5kSaysHowToGetIt() {
        do {
            _ = try DatasetLoader.load(
                .mnist5k(testPerClass: 100), preprocessing: Preprocessing(), seed: 1,
                root: URL(fileURLWithPath: "/nonexistent"))
            Issue.record("loaded a missing data set")
        } catch {
            #expect(
                error.description.contains("make data")
                    && error.description.contains("/nonexistent/.cache/data/mnist_5k.csv.gz"))
        }
    }

    @Test func syntheticBlobsAreSeeded() throws {
        let source = DataSource.gaussianBlobs(classes: 4, dimension: 8, trainCount: 100, testCount: 50, separation: 2)
        let first = try DatasetLoader.load(source, preprocessing: Preprocessing(), seed: 3, root: Self.root)
        let second = try DatasetLoader.load(source, preprocessing: Preprocessing(), seed: 3, root: Self.root)
        #expect(first.train.features == second.train.features && first.train.labels == second.train.labels)
        #expect(first.train.features.rows == 100 && first.test.features.rows == 50 && first.classCount == 4)
    }

    @Test(.enabled(if: hasMNIST5k, "mnist-5k is not in the data cache (make data)"))
    func poolingAndStandardization() throws {
        let pooled = try DatasetLoader.load(
            .mnist5k(testPerClass: 100), preprocessing: Preprocessing(scaling: .none, pooling: 2), seed: 7,
            root: Self.root)
        let raw = try DatasetLoader.load(
            .mnist5k(testPerClass: 100), preprocessing: Preprocessing(scaling: .none), seed: 7, root: Self.root)
        #expect(pooled.train.features.columns == 196)
        let expected =
            (raw.train.features[0, 28 * 10 + 10] + raw.train.features[0, 28 * 10 + 11]
                + raw.train.features[0, 28 * 11 + 10] + raw.train.features[0, 28 * 11 + 11]) / 4
        #expect(pooled.train.features[0, 14 * 5 + 5] == expected)
        let standardized = try DatasetLoader.load(
            .mnist5k(testPerClass: 100), preprocessing: Preprocessing(scaling: .standardize), seed: 7, root: Self.root)
        let column = 28 * 14 + 14
        let mean =
            (0..<standardized.train.count).reduce(0.0) { $0 + Double(standardized.train.features[$1, column]) }
            / Double(standardized.train.count)
        #expect(abs(mean) < 1e-5)
        let subset = try DatasetLoader.load(
            .mnist5k(testPerClass: 100), preprocessing: Preprocessing(trainCount: 500), seed: 7, root: Self.root)
        #expect(subset.train.count == 500 && subset.test.count == 1000)
    }
}
