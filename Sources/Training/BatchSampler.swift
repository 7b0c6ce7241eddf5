import Randomness

/// Mini-batch indices: each epoch is a fresh permutation of the training set drawn from stream
/// `<root>/epoch/<e>`, cut into consecutive batches; a last partial batch is dropped, so every
/// batch has the same size. The same root stream gives every network the same batches.
public struct BatchSampler: Sendable {
    public let sampleCount: Int
    public let batchSize: Int
    private let root: RandomStream
    private var order: [Int] = []
    private var epoch = -1
    private var position = 0

    public init(sampleCount: Int, batchSize: Int, stream: RandomStream) {
        precondition(batchSize > 0 && batchSize <= sampleCount, "batch size \(batchSize) must be in 1...\(sampleCount)")
        self.sampleCount = sampleCount
        self.batchSize = batchSize
        root = stream
    }

    /// Batches per epoch.
    public var batchesPerEpoch: Int { sampleCount / batchSize }

    /// The next batch's indices into the training set.
    public mutating func next() -> ArraySlice<Int> {
        if epoch < 0 || position + batchSize > sampleCount {
            epoch += 1
            var stream = root.derive("epoch/\(epoch)")
            order = stream.permutation(sampleCount)
            position = 0
        }
        defer { position += batchSize }
        return order[position..<(position + batchSize)]
    }
}
