import Datasets
import Foundation
import Spec

extension TrainingRun {
    /// Every run (variant x repeat) lives from the start to the end: its network, gradients,
    /// optimizer state, the batch buffers of its training and evaluation engines and its log;
    /// the data set and its evaluation copies are shared; at the end the statistics at
    /// initialization keep every variant's probe activations and gradients for the histograms.
    static func memoryEstimate(_ experiment: TrainingExperiment, dataRoot: URL, threads: Int) -> MemoryEstimate {
        var estimate = dataEstimate(experiment, dataRoot: dataRoot)
        estimate.add(runsEstimate(experiment, dataRoot: dataRoot, threads: threads))
        return estimate
    }

    /// The shape of the data a spec asks for, from the spec or, for IDX files, their sizes.
    struct DataShape {
        var train: Double
        var test: Double
        var features: Double
        var classes: Double
        /// Bytes held while decoding (the images as stored, before conversion to features).
        var rawBytes: Double
    }

    static func dataShape(_ experiment: TrainingExperiment, dataRoot: URL) -> DataShape {
        let pool = Double(max(1, experiment.preprocessing.pooling))
        func pooled(_ side: Double) -> Double { (side / pool).rounded(.down) * (side / pool).rounded(.down) }
        switch experiment.data {
        case .fashionMNIST:
            return DataShape(train: 60_000, test: 10_000, features: pooled(28), classes: 10, rawBytes: 70_000 * 784)
        case .mnist5k(let testPerClass):
            let test = Double(10 * testPerClass)
            return DataShape(train: 5000 - test, test: test, features: pooled(28), classes: 10, rawBytes: 5000 * 784)
        case .idx(let trainImages, _, let testImages, _, let heldOut):
            // Sizes are read from the files: one byte per pixel, so bytes / pixels images.
            let trainBytes = imageBytes(trainImages, dataRoot: dataRoot)
            let testBytes = testImages.map { imageBytes($0, dataRoot: dataRoot) } ?? 0
            let total = trainBytes + testBytes
            // Without the header's shape, count 28 x 28 images; the feature bytes do not depend on it.
            let pixels = 784.0
            let images = total / pixels
            let test = testImages == nil ? images * heldOut : testBytes / pixels
            return DataShape(
                train: images - test, test: test, features: pixels / (pool * pool), classes: 10, rawBytes: total)
        case .gaussianBlobs(let classes, let dimension, let trainCount, let testCount, _):
            return DataShape(
                train: Double(trainCount), test: Double(testCount), features: Double(dimension),
                classes: Double(classes), rawBytes: 0)
        }
    }

    /// The data set as features, the raw images while they are decoded, and the evaluation and
    /// probe copies.
    static func dataEstimate(_ experiment: TrainingExperiment, dataRoot: URL) -> MemoryEstimate {
        var estimate = MemoryEstimate()
        let shape = dataShape(experiment, dataRoot: dataRoot)
        estimate.add("data", floats: (shape.train + shape.test) * (shape.features + 1))
        estimate.add("data", bytes: shape.rawBytes)
        let copies =
            min(Double(experiment.evaluationTrainSize), shape.train) + min(Double(experiment.probeSize), shape.train)
        estimate.add("data", floats: copies * shape.features)
        return estimate
    }

    /// Everything but the data set.
    static func runsEstimate(_ experiment: TrainingExperiment, dataRoot: URL, threads: Int) -> MemoryEstimate {
        var estimate = MemoryEstimate()
        let shape = dataShape(experiment, dataRoot: dataRoot)
        let repeats = Double(experiment.repeats)
        let batch = Double(experiment.batchSize)
        let probe = min(Double(experiment.probeSize), shape.train)
        let evaluationRows = max(
            1, min(1000, max(shape.test, probe, min(Double(experiment.evaluationTrainSize), shape.train))))
        for variant in experiment.variants {
            let hidden = variant.network.widths.map(Double.init)
            let normalized = variant.network.batchNormalization
            let widths = [shape.features] + hidden + [shape.classes]
            var parameters = 0.0
            for layer in 0..<(widths.count - 1) { parameters += widths[layer] * widths[layer + 1] + widths[layer + 1] }
            let units = hidden.reduce(0, +)
            if normalized { parameters += 4 * units }
            // Each run's network, plus the initial network kept for the statistics at initialization.
            estimate.add("network weights", floats: (repeats + 1) * parameters)
            estimate.add("gradients", floats: repeats * parameters)
            estimate.add("optimizer state", floats: repeats * Double(variant.optimizer.stateCount) * parameters)
            let buffersPerUnit = normalized ? 6.0 : 3.0
            let perRow = units * buffersPerUnit + 2 * shape.classes
            estimate.add("activations", floats: repeats * ((batch + evaluationRows) * perRow + batch * shape.features))
            let widest = widths.max() ?? 1
            estimate.add("product buffers", floats: repeats * 2 * ((widest + shape.features) * 256 + 50_000))
            let logged = Double(experiment.iterations) / Double(max(experiment.statisticsEvery, 1)) + 2
            estimate.add(
                "training logs",
                floats: repeats * (Double(experiment.iterations) + 8 * logged * Double(hidden.count + 1)))
            // Snapshots collect the probe's activations (and sort one layer) on each busy thread;
            // the statistics at initialization keep activations and gradients of every variant.
            estimate.add("histograms", floats: min(Double(threads), repeats) * probe * (units + (hidden.max() ?? 0)))
            estimate.add("histograms", floats: probe * units * (6 + buffersPerUnit))
        }
        return estimate
    }

    /// Bytes of the images in an IDX file (for gzip, the size its trailer gives), 0 if unreadable.
    private static func imageBytes(_ path: String, dataRoot: URL) -> Double {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : dataRoot.appendingPathComponent(path)
        guard let handle = try? FileHandle(forReadingFrom: url) else { return 0 }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd() else { return 0 }
        guard path.hasSuffix(".gz"), size >= 4 else { return Double(size) }
        try? handle.seek(toOffset: size - 4)
        guard let trailer = try? handle.readToEnd(), trailer.count == 4 else { return Double(size) }
        let length = trailer.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return Double(length)
    }
}
