import LinearAlgebra
import Network

/// Forward and backward passes of an `MLP` over batches of up to `capacity` rows, with every
/// buffer allocated once: a training step allocates nothing (TrainingTests count it), apart from
/// the worker pool's run record when a product is split across threads.
///
/// All reductions (batch statistics, bias gradients, losses) run over rows in index order, and
/// products go through `TrainingScalar.gemm`, so results are bit-identical at any thread count.
public final class MLPEngine<Scalar: TrainingScalar> {
    public let configuration: MLPConfiguration
    public let capacity: Int
    /// Threads each product may use.
    public let threads: Int
    let workspace = GEMMWorkspace()
    /// `configuration.widths`, kept: the computed property builds a new array on each call.
    private let widths: [Int]

    /// Per hidden layer: the affine output H, the activation input Z (H, or gamma x-hat + beta
    /// with batch normalization), x-hat, the activation A, dL/dH, and dL/dZ (the same buffer as
    /// dL/dH without batch normalization).
    private var affine: [UnsafeMutablePointer<Scalar>]
    private var activationInput: [UnsafeMutablePointer<Scalar>]
    private var normalized: [UnsafeMutablePointer<Scalar>]
    private var activations: [UnsafeMutablePointer<Scalar>]
    private var deltas: [UnsafeMutablePointer<Scalar>]
    private var activationInputGradient: [UnsafeMutablePointer<Scalar>]
    private var batchMean: [[Scalar]]
    private var batchInverseStd: [[Scalar]]
    /// Scratch sums of the batch statistics (the widest hidden layer).
    private let scratchMean: UnsafeMutablePointer<Scalar>
    private let scratchVariance: UnsafeMutablePointer<Scalar>
    private let logits: UnsafeMutablePointer<Scalar>
    private let logitGradient: UnsafeMutablePointer<Scalar>
    private var rows = 0
    /// The gradients of the last backward pass.
    public private(set) var gradients: MLPGradients<Scalar>?

    public init(configuration: MLPConfiguration, capacity: Int, threads: Int = ComputeThreads.count) {
        self.configuration = configuration
        self.capacity = capacity
        self.threads = threads
        let hidden = configuration.hidden
        widths = configuration.widths
        func buffers(_ enabled: Bool = true) -> [UnsafeMutablePointer<Scalar>] {
            hidden.map { width in
                let pointer = UnsafeMutablePointer<Scalar>.allocate(capacity: enabled ? capacity * width : 1)
                pointer.initialize(repeating: 0, count: enabled ? capacity * width : 1)
                return pointer
            }
        }
        affine = buffers()
        activationInput = configuration.batchNormalization ? buffers() : affine
        normalized = buffers(configuration.batchNormalization)
        activations = buffers()
        deltas = buffers()
        activationInputGradient = configuration.batchNormalization ? buffers() : deltas
        batchMean = hidden.map { [Scalar](repeating: 0, count: $0) }
        batchInverseStd = hidden.map { [Scalar](repeating: 1, count: $0) }
        logits = .allocate(capacity: capacity * configuration.outputs)
        logits.initialize(repeating: 0, count: capacity * configuration.outputs)
        logitGradient = .allocate(capacity: capacity * configuration.outputs)
        logitGradient.initialize(repeating: 0, count: capacity * configuration.outputs)
        let widest = hidden.max() ?? 1
        scratchMean = .allocate(capacity: widest)
        scratchMean.initialize(repeating: 0, count: widest)
        scratchVariance = .allocate(capacity: widest)
        scratchVariance.initialize(repeating: 0, count: widest)
    }

    deinit {
        var released = Set<UnsafeMutablePointer<Scalar>>()
        for pointer in affine + activationInput + normalized + activations + deltas + activationInputGradient + [
            logits, logitGradient,
        ]
        where released.insert(pointer).inserted {
            pointer.deallocate()
        }
        scratchMean.deallocate()
        scratchVariance.deallocate()
    }

    // MARK: Forward

    /// Runs the network on `rows` samples (row-major, `configuration.inputs` columns). In training
    /// mode batch normalization uses batch statistics and updates the running averages in `mlp`.
    public func forward(_ mlp: inout MLP<Scalar>, input: UnsafePointer<Scalar>, rows: Int, training: Bool) {
        precondition(rows > 0 && rows <= capacity, "batch of \(rows) rows exceeds the engine's capacity \(capacity)")
        self.rows = rows
        let widths = self.widths
        let activation = configuration.activation
        let normalize = configuration.batchNormalization
        var layerInput = input
        for layer in 0..<configuration.hidden.count {
            let width = widths[layer + 1]
            let output = activations[layer]
            let bias = mlp.biases[layer]
            mlp.weights[layer].withUnsafeBufferPointer { weight in
                bias.withUnsafeBufferPointer { bias in
                    // No bias (batch normalization) is an empty array, whose base address need not be nil.
                    let biasBase = bias.isEmpty ? nil : bias.baseAddress
                    let affineBase = affine[layer]
                    product(
                        m: rows, n: width, k: widths[layer], a: layerInput, lda: widths[layer], transposeA: false,
                        b: weight.baseAddress!, ldb: width, transposeB: false, c: affineBase, ldc: width
                    ) { row, h in
                        if let biasBase { for j in 0..<width { h[j] += biasBase[j] } }
                        if !normalize { Self.activate(activation, h, output + row * width, width) }
                    }
                }
            }
            if normalize { batchNormalize(&mlp, layer: layer, width: width, training: training) }
            layerInput = UnsafePointer(output)
        }
        let last = configuration.hidden.count
        let classes = configuration.outputs
        mlp.weights[last].withUnsafeBufferPointer { weight in
            mlp.biases[last].withUnsafeBufferPointer { bias in
                let biasBase = bias.baseAddress!
                product(
                    m: rows, n: classes, k: widths[last], a: layerInput, lda: widths[last], transposeA: false,
                    b: weight.baseAddress!, ldb: classes, transposeB: false, c: logits, ldc: classes
                ) { _, z in
                    for j in 0..<classes { z[j] += biasBase[j] }
                }
            }
        }
    }

    private func batchNormalize(_ mlp: inout MLP<Scalar>, layer: Int, width: Int, training: Bool) {
        let h = affine[layer]
        let xHat = normalized[layer]
        let z = activationInput[layer]
        let a = activations[layer]
        let epsilon: Scalar = 1e-5
        if training {
            let mean = scratchMean
            let variance = scratchVariance
            mean.update(repeating: 0, count: width)
            variance.update(repeating: 0, count: width)
            for row in 0..<rows { for j in 0..<width { mean[j] += h[row * width + j] } }
            for j in 0..<width { mean[j] /= Scalar(rows) }
            for row in 0..<rows {
                for j in 0..<width {
                    let d = h[row * width + j] - mean[j]
                    variance[j] += d * d
                }
            }
            for j in 0..<width {
                let biased = variance[j] / Scalar(rows)
                batchMean[layer][j] = mean[j]
                batchInverseStd[layer][j] = 1 / Scalar.sqrt(biased + epsilon)
                let unbiased = rows > 1 ? variance[j] / Scalar(rows - 1) : biased
                mlp.runningMeans[layer][j] = 0.9 * mlp.runningMeans[layer][j] + 0.1 * mean[j]
                mlp.runningVariances[layer][j] = 0.9 * mlp.runningVariances[layer][j] + 0.1 * unbiased
            }
        } else {
            for j in 0..<width {
                batchMean[layer][j] = mlp.runningMeans[layer][j]
                batchInverseStd[layer][j] = 1 / Scalar.sqrt(mlp.runningVariances[layer][j] + epsilon)
            }
        }
        let gamma = mlp.gammas[layer]
        let beta = mlp.betas[layer]
        for row in 0..<rows {
            for j in 0..<width {
                let index = row * width + j
                xHat[index] = (h[index] - batchMean[layer][j]) * batchInverseStd[layer][j]
                z[index] = gamma[j] * xHat[index] + beta[j]
            }
            Self.activate(configuration.activation, z + row * width, a + row * width, width)
        }
    }

    @inline(__always)
    static func activate(
        _ activation: Activation, _ input: UnsafePointer<Scalar>, _ output: UnsafeMutablePointer<Scalar>, _ count: Int
    ) {
        if case .relu = activation {
            for j in 0..<count { output[j] = input[j] > 0 ? input[j] : 0 }
        } else {
            for j in 0..<count { output[j] = activation.value(input[j]) }
        }
    }

    /// `Scalar.gemm` with a row epilogue that does not escape: a closure passed as an optional
    /// (escaping) argument would have its captures copied to the heap on every product.
    @inline(__always)
    private func product(
        m: Int, n: Int, k: Int, a: UnsafePointer<Scalar>, lda: Int, transposeA: Bool, b: UnsafePointer<Scalar>,
        ldb: Int, transposeB: Bool, c: UnsafeMutablePointer<Scalar>, ldc: Int,
        epilogue: (Int, UnsafeMutablePointer<Scalar>) -> Void
    ) {
        Scalar.gemm(
            m: m, n: n, k: k, a: a, lda: lda, transposeA: transposeA, b: b, ldb: ldb, transposeB: transposeB, c: c,
            ldc: ldc, workspace: workspace, threads: threads, rowEpilogue: epilogue)
    }

    // MARK: Loss and backward

    /// The mean loss of the last forward pass against `labels`; prepares dL/dlogits.
    public func loss(_ loss: Loss, labels: UnsafePointer<Int32>) -> Double {
        loss.evaluate(
            logits: logits, labels: labels, rows: rows, classes: configuration.outputs, gradient: logitGradient)
    }

    /// Back-propagates the last loss through the network (no gradient for the input) and stores
    /// the gradients, with `weightDecay` * W added to each weight gradient (L2 penalty).
    public func backward(_ mlp: MLP<Scalar>, input: UnsafePointer<Scalar>, weightDecay: Scalar = 0) {
        // Taken out, not copied: a second reference would make every write below copy the arrays.
        var gradients = self.gradients.take() ?? MLPGradients(zeroLike: mlp)
        let widths = self.widths
        let hiddenCount = configuration.hidden.count
        let activation = configuration.activation
        var upstream = UnsafePointer(logitGradient)
        var layer = hiddenCount + 1
        while layer > 0 {
            layer -= 1
            let inputs = widths[layer]
            let outputs = widths[layer + 1]
            let layerInput = layer == 0 ? input : UnsafePointer(activations[layer - 1])
            // dW = input^T * upstream; db = column sums of upstream (rows in order).
            gradients.weights[layer].withUnsafeMutableBufferPointer { gradient in
                Scalar.gemm(
                    m: inputs, n: outputs, k: rows, a: layerInput, lda: inputs, transposeA: true,
                    b: upstream, ldb: outputs, transposeB: false, c: gradient.baseAddress!, ldc: outputs,
                    workspace: workspace, threads: threads, epilogue: nil)
                if weightDecay != 0 {
                    mlp.weights[layer].withUnsafeBufferPointer { weight in
                        for index in 0..<gradient.count { gradient[index] += weightDecay * weight[index] }
                    }
                }
            }
            if configuration.hasBias(layer) {
                gradients.biases[layer].withUnsafeMutableBufferPointer { bias in
                    for j in 0..<outputs { bias[j] = 0 }
                    for row in 0..<rows { for j in 0..<outputs { bias[j] += upstream[row * outputs + j] } }
                }
            }
            guard layer > 0 else { break }
            // dL/dZ of the layer below = (upstream * W^T) .* phi'(Z), then through batch norm.
            let below = layer - 1
            let z = UnsafePointer(activationInput[below])
            let target = activationInputGradient[below]
            mlp.weights[layer].withUnsafeBufferPointer { weight in
                product(
                    m: rows, n: inputs, k: outputs, a: upstream, lda: outputs, transposeA: false,
                    b: weight.baseAddress!, ldb: outputs, transposeB: true, c: target, ldc: inputs
                ) { row, d in
                    let zRow = z + row * inputs
                    if case .relu = activation {
                        for j in 0..<inputs where !(zRow[j] > 0) { d[j] = 0 }
                    } else {
                        for j in 0..<inputs { d[j] *= activation.derivative(zRow[j]) }
                    }
                }
            }
            if configuration.batchNormalization {
                batchNormalizationBackward(mlp, layer: below, width: inputs, gradients: &gradients)
            }
            upstream = UnsafePointer(deltas[below])
        }
        self.gradients = gradients
    }

    /// From dL/dZ to dL/dH, dgamma and dbeta (batch statistics, as in the forward pass):
    /// dH = gamma / sigma / N * (N dZ - dbeta - x-hat dgamma).
    private func batchNormalizationBackward(
        _ mlp: MLP<Scalar>, layer: Int, width: Int, gradients: inout MLPGradients<Scalar>
    ) {
        let dZ = activationInputGradient[layer]
        let xHat = normalized[layer]
        let dH = deltas[layer]
        // Summed in place into the gradient arrays, which this engine alone holds.
        gradients.gammas[layer].withUnsafeMutableBufferPointer { dGamma in
            gradients.betas[layer].withUnsafeMutableBufferPointer { dBeta in
                for j in 0..<width {
                    dGamma[j] = 0
                    dBeta[j] = 0
                }
                for row in 0..<rows {
                    for j in 0..<width {
                        let index = row * width + j
                        dGamma[j] += dZ[index] * xHat[index]
                        dBeta[j] += dZ[index]
                    }
                }
                let count = Scalar(rows)
                for row in 0..<rows {
                    for j in 0..<width {
                        let index = row * width + j
                        dH[index] =
                            mlp.gammas[layer][j] * batchInverseStd[layer][j] / count
                            * (count * dZ[index] - dBeta[j] - xHat[index] * dGamma[j])
                    }
                }
            }
        }
    }

    // MARK: Inspection

    /// Layer `layer`'s activations of the last forward pass (rows x width).
    public func activations(ofLayer layer: Int) -> UnsafeBufferPointer<Scalar> {
        UnsafeBufferPointer(start: activations[layer], count: rows * configuration.hidden[layer])
    }

    /// dL/dH of hidden layer `layer` from the last backward pass (rows x width): the gradient
    /// back-propagated to the layer's affine output.
    public func backpropagatedGradient(ofLayer layer: Int) -> UnsafeBufferPointer<Scalar> {
        UnsafeBufferPointer(start: deltas[layer], count: rows * configuration.hidden[layer])
    }

    /// The logits of the last forward pass (rows x outputs).
    public var output: UnsafeBufferPointer<Scalar> {
        UnsafeBufferPointer(start: logits, count: rows * configuration.outputs)
    }
}
