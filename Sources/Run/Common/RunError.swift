/// A failure while running an experiment that validation could not foresee.
public struct RunError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
