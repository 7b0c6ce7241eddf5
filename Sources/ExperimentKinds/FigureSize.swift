/// The print size of a figure.
public enum FigureSize: Sendable, Hashable {
    /// A single journal column, 3.4 in wide.
    case column
    /// One and a half columns, 5 in wide.
    case oneAndHalf
    /// Full page width, 7 in.
    case wide
    /// Explicit width and height in inches.
    case custom(width: Double, height: Double)

    /// The spec names of the presets.
    public static let presetNames = ["column", "one-and-half", "wide"]

    /// The preset with a spec name, if any.
    public init?(presetName: String) {
        switch presetName {
        case "column": self = .column
        case "one-and-half": self = .oneAndHalf
        case "wide": self = .wide
        default: return nil
        }
    }

    /// Width in inches.
    public var width: Double {
        switch self {
        case .column: 3.4
        case .oneAndHalf: 5
        case .wide: 7
        case .custom(let width, _): width
        }
    }

    /// Width and height in inches; presets take the height the figure asks for.
    public func inches(defaultHeight: Double) -> (width: Double, height: Double) {
        switch self {
        case .custom(let width, let height): (width, height)
        case .column, .oneAndHalf, .wide: (width, defaultHeight)
        }
    }
}
