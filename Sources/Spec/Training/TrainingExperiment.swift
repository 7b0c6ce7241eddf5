import Datasets
import JSON
import Training

/// Kind "training": each variant's network trained `repeats` times on one data set.
public struct TrainingExperiment: Sendable {
    public let data: DataSource
    public let preprocessing: Preprocessing
    public let variants: [TrainingVariant]
    public let repeats: Int
    /// Shared settings; the optimizer and learning rate come from each variant.
    public let iterations: Int
    public let batchSize: Int
    public let schedule: LearningRateSchedule
    public let loss: Loss
    public let weightDecay: Double
    public let statisticsEvery: Int
    public let evaluationEvery: Int
    public let evaluationTrainSize: Int
    public let probeSize: Int
    public let histogramBins: Int

    /// The trainer settings for a variant.
    public func settings(for variant: TrainingVariant) -> TrainingSettings {
        TrainingSettings(
            iterations: iterations, batchSize: batchSize, learningRate: variant.learningRate,
            optimizer: variant.optimizer,
            schedule: schedule, loss: loss, weightDecay: weightDecay, statisticsEvery: statisticsEvery,
            evaluationEvery: evaluationEvery)
    }

    static func read(_ reader: SpecReader) throws(SpecError) -> TrainingExperiment {
        let training = reader.member("training")
        let (data, preprocessing) = try readData(reader.member("data"))
        let networks = try NetworkVariant.readAll(reader["variants"], network: reader.member("network"))
        let overrides = reader["variants"]?.elements ?? []
        let variants = networks.enumerated().map { index, variant in
            let optimizer =
                index < overrides.count
                ? overrides[index]["optimizer"] ?? training.member("optimizer") : training.member("optimizer")
            return TrainingVariant(
                key: variant.key, label: variant.label, network: variant.network, optimizer: readOptimizer(optimizer),
                learningRate: optimizer.member("learning_rate").double)
        }
        let iterations = training.member("iterations").int
        let schedule: LearningRateSchedule
        let scheduleReader = training.member("schedule")
        switch scheduleReader.member("name").string {
        case "step":
            schedule = .step(every: scheduleReader.member("every").int, factor: scheduleReader.member("factor").double)
        case "cosine": schedule = .cosine(iterations: iterations, floor: scheduleReader.member("floor").double)
        default: schedule = .constant
        }
        let batchSize = training.member("batch_size").int
        return TrainingExperiment(
            data: data, preprocessing: preprocessing, variants: variants, repeats: reader.member("repeats").int,
            iterations: iterations, batchSize: batchSize, schedule: schedule,
            loss: training.member("loss").named(Loss.self), weightDecay: training.member("weight_decay").double,
            statisticsEvery: training.member("statistics_every").int,
            evaluationEvery: training.member("evaluation_every").int,
            evaluationTrainSize: training.member("evaluation_train_size").int,
            probeSize: training.member("probe_size").int,
            histogramBins: training.member("histogram_bins").int)
    }

    private static func readData(_ reader: SpecReader) throws(SpecError) -> (DataSource, Preprocessing) {
        let preprocessing = Preprocessing(
            scaling: reader["scaling"].map { $0.named(Preprocessing.Scaling.self) } ?? .unit,
            pooling: reader["pooling"]?.int ?? 1,
            trainCount: reader["name"]?.string == "synthetic" ? nil : reader["train_size"]?.int,
            testCount: reader["name"]?.string == "synthetic" ? nil : reader["test_size"]?.int)
        switch reader.member("name").string {
        case "fashion-mnist":
            return (.fashionMNIST, preprocessing)
        case "mnist-5k":
            return (.mnist5k(testPerClass: reader.member("test_per_class").int), preprocessing)
        case "idx":
            // A test pair is both files or neither; half of one would be silently ignored.
            switch (reader["test_images"], reader["test_labels"]) {
            case (let images?, nil):
                throw images.error(
                    "\"test_images\" needs \"test_labels\" (or leave both out to hold out held_out_fraction)")
            case (nil, let labels?):
                throw labels.error(
                    "\"test_labels\" needs \"test_images\" (or leave both out to hold out held_out_fraction)")
            default: break
            }
            return (
                .idx(
                    trainImages: reader.member("train_images").string,
                    trainLabels: reader.member("train_labels").string,
                    testImages: reader["test_images"]?.string, testLabels: reader["test_labels"]?.string,
                    heldOutFraction: reader.member("held_out_fraction").double), preprocessing
            )
        default:
            return (
                .gaussianBlobs(
                    classes: reader.member("classes").int, dimension: reader.member("dimension").int,
                    trainCount: reader.member("train_size").int, testCount: reader.member("test_size").int,
                    separation: reader.member("separation").double), Preprocessing()
            )
        }
    }

    private static func readOptimizer(_ reader: SpecReader) -> Optimizer {
        switch reader.member("name").string {
        case "momentum": .momentum(reader.member("momentum").double)
        case "nesterov": .nesterov(reader.member("momentum").double)
        case "adagrad": .adaGrad
        case "rmsprop": .rmsProp(decay: reader.member("decay").double)
        case "adam":
            .adam(
                beta1: reader.member("beta1").double, beta2: reader.member("beta2").double,
                epsilon: reader.member("epsilon").double)
        default: .sgd
        }
    }
}
