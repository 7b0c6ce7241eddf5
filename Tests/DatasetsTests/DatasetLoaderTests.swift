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

    /// IDX files written to a scratch folder (removed when the test ends), by name.
    final class IDXFiles {
        let folder: URL

        init(_ files: [String: [UInt8]]) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("loader-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, bytes) in files { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        func source(test: Bool = true, fraction: Double = 0.5) -> DataSource {
            .idx(
                trainImages: path("train-images"), trainLabels: path("train-labels"),
                testImages: test ? path("test-images") : nil, testLabels: test ? path("test-labels") : nil,
                heldOutFraction: fraction)
        }
    }

    static func labels(_ count: Int) -> [UInt8] { IDXReaderTests.labels((0..<count).map { UInt8($0 % 3) }) }

    static func error(_ source: DataSource, _ preprocessing: Preprocessing = Preprocessing()) -> String? {
        do {
            _ = try DatasetLoader.load(source, preprocessing: preprocessing, seed: 1, root: root)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func poolingLargerThanTheImagesIsRefused() throws {
        let files = try IDXFiles([
            "train-images": IDXReaderTests.images(count: 6, rows: 2, columns: 3), "train-labels": Self.labels(6),
            "test-images": IDXReaderTests.images(count: 3, rows: 2, columns: 3), "test-labels": Self.labels(3),
        ])
        let pooled = try DatasetLoader.load(
            files.source(), preprocessing: Preprocessing(pooling: 2), seed: 1, root: Self.root)
        #expect(pooled.train.features.columns == 1 && pooled.test.features.columns == 1)
        for pooling in [3, 7] {
            #expect(
                Self.error(files.source(), Preprocessing(pooling: pooling))
                    == "\(files.path("train-images")): images of 2x3 pixels are smaller than the pooling factor "
                    + "\(pooling): \(pooling)x\(pooling) blocks would leave no features (at most 2 for these images)")
        }
    }

    @Test func testImagesOfAnotherSizeAreRefused() throws {
        let files = try IDXFiles([
            "train-images": IDXReaderTests.images(count: 6, rows: 4, columns: 4), "train-labels": Self.labels(6),
            "test-images": IDXReaderTests.images(count: 3, rows: 2, columns: 8), "test-labels": Self.labels(3),
        ])
        #expect(
            Self.error(files.source())
                == "\(files.path("test-images")): images of 2x8 pixels, but the training images "
                + "\(files.path("train-images")) are 4x4")
    }

    @Test func halfATestPairIsRefused() throws {
        let files = try IDXFiles([
            "train-images": IDXReaderTests.images(count: 6), "train-labels": Self.labels(6),
            "test-images": IDXReaderTests.images(count: 3), "test-labels": Self.labels(3),
        ])
        let train = (files.path("train-images"), files.path("train-labels"))
        #expect(
            Self.error(
                .idx(
                    trainImages: train.0, trainLabels: train.1, testImages: files.path("test-images"),
                    testLabels: nil, heldOutFraction: 0.5))
                == "idx: test_images is given without test_labels: give both, or neither to hold out "
                + "held_out_fraction of the training samples")
        #expect(
            Self.error(
                .idx(
                    trainImages: train.0, trainLabels: train.1, testImages: nil,
                    testLabels: files.path("test-labels"), heldOutFraction: 0.5))
                == "idx: test_labels is given without test_images: give both, or neither to hold out "
                + "held_out_fraction of the training samples")
    }

    /// An empty split would give a test accuracy of NaN (or nothing to train on) downstream.
    @Test func emptySplitsAreRefusedWithTheirNumbers() throws {
        let files = try IDXFiles([
            "train-images": IDXReaderTests.images(count: 3), "train-labels": Self.labels(3),
            "test-images": IDXReaderTests.images(count: 0), "test-labels": IDXReaderTests.labels([]),
            "empty-images": IDXReaderTests.images(count: 0), "empty-labels": IDXReaderTests.labels([]),
        ])
        let path = files.path("train-images")
        #expect(
            Self.error(files.source(test: false, fraction: 0.1666))
                == "idx: the test split is empty: held_out_fraction 0.1666 of each class of \(path) rounds to no "
                + "sample (3 samples in 3 classes, at most 1 per class); give more samples, a larger "
                + "held_out_fraction, or test_images and test_labels")
        #expect(
            Self.error(files.source(test: false, fraction: 0.9))
                == "idx: the training split is empty: held_out_fraction 0.9 of each class of \(path) rounds to all "
                + "of its samples (3 samples in 3 classes, at most 1 per class); give more samples or a smaller "
                + "held_out_fraction")
        #expect(
            Self.error(files.source())
                == "idx: the test split is empty: \(files.path("test-images")) holds no images")
        #expect(
            Self.error(
                .idx(
                    trainImages: files.path("empty-images"), trainLabels: files.path("empty-labels"),
                    testImages: nil, testLabels: nil, heldOutFraction: 0.5))
                == "idx: the training split is empty: \(files.path("empty-images")) holds no images")
        let pair = files.source(test: false, fraction: 0.5)
        #expect(
            Self.error(pair, Preprocessing(trainCount: 0))
                == "idx: the training split is empty: train_size is 0")
        #expect(
            Self.error(pair, Preprocessing(testCount: 0)) == "idx: the test split is empty: test_size is 0")
        #expect(
            Self.error(.gaussianBlobs(classes: 2, dimension: 3, trainCount: 10, testCount: 0, separation: 1))
                == "synthetic: the test split is empty: test_size is 0")
    }

    @Test(.enabled(if: hasMNIST5k, "mnist-5k is not in the data cache (make data)"))
    func mnist5kSplitsThatLeaveNothingAreRefused() {
        #expect(
            Self.error(.mnist5k(testPerClass: 0)) == "mnist-5k: the test split is empty: test_per_class is 0")
        #expect(
            Self.error(.mnist5k(testPerClass: 500))
                == "mnist-5k: the training split is empty: test_per_class 500 holds out all 500 digits of each class")
    }

    /// The network needs an output for every label it will be tested on, not only those it trains on.
    @Test func classCountCoversTheTestLabels() throws {
        let files = try IDXFiles([
            "train-images": IDXReaderTests.images(count: 4), "train-labels": IDXReaderTests.labels([0, 1, 0, 1]),
            "test-images": IDXReaderTests.images(count: 2), "test-labels": IDXReaderTests.labels([4, 1]),
        ])
        let data = try DatasetLoader.load(files.source(), preprocessing: Preprocessing(), seed: 1, root: Self.root)
        #expect(data.classCount == 5)
    }
}
