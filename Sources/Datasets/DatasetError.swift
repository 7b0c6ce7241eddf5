/// A data set that cannot be read: missing, truncated, corrupt, or not what its format says.
/// The message names the file, what was expected and what was found, and how to get the data
/// when it is missing.
public struct DatasetError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
