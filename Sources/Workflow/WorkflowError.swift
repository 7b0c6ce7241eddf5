/// A failure of a workflow step, already phrased for a one-line message.
public struct WorkflowError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
