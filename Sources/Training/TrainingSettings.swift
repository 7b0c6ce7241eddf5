/// How to train: the optimization and what to record.
public struct TrainingSettings: Sendable, Hashable {
    public var iterations: Int
    public var batchSize: Int
    public var learningRate: Double
    public var optimizer: Optimizer
    public var schedule: LearningRateSchedule
    public var loss: Loss
    public var weightDecay: Double
    /// Probe statistics and gradient norms every this many iterations (and at 0 and the end).
    public var statisticsEvery: Int
    /// Accuracy on the evaluation sets every this many iterations (and at 0 and the end); 0 for
    /// only at the end.
    public var evaluationEvery: Int

    public init(
        iterations: Int, batchSize: Int, learningRate: Double, optimizer: Optimizer = .sgd,
        schedule: LearningRateSchedule = .constant,
        loss: Loss = .crossEntropy, weightDecay: Double = 0, statisticsEvery: Int = 100, evaluationEvery: Int = 100
    ) {
        self.iterations = iterations
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.optimizer = optimizer
        self.schedule = schedule
        self.loss = loss
        self.weightDecay = weightDecay
        self.statisticsEvery = statisticsEvery
        self.evaluationEvery = evaluationEvery
    }
}
