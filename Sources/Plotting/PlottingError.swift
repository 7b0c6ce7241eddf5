/// A failure of the rendering stack (missing font, Cairo error).
public struct PlottingError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
