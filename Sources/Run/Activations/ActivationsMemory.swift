import Spec

extension ActivationsRun {
    /// At the peak: the input batch, every variant's pre-activations and activations (all are kept
    /// for the shared histogram range), the weights of the variant being built, and per layer
    /// the product's packing of the batch (256 columns) and the values being binned.
    static func memoryEstimate(_ experiment: ActivationsExperiment) -> MemoryEstimate {
        var estimate = MemoryEstimate()
        let count = Double(experiment.input.count)
        estimate.add("input data", floats: count * Double(experiment.input.dimension))
        var largestNetwork = 0.0
        var largestLayer = 0.0
        for variant in experiment.variants {
            var inputs = Double(experiment.input.dimension)
            var weights = 0.0
            for width in variant.network.widths.map(Double.init) {
                weights += inputs * width + width
                estimate.add("activations", floats: 2 * count * width)
                largestLayer = max(largestLayer, count * max(width, 256))
                inputs = width
            }
            largestNetwork = max(largestNetwork, weights)
        }
        estimate.add("network weights", floats: largestNetwork)
        estimate.add("histogram and product buffers", floats: largestLayer)
        return estimate
    }
}
