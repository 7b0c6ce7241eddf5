import JSON

/// A figure an experiment asks for.
public struct FigureSpec: Sendable, Hashable {
    /// Print size.
    public enum Size: Sendable, Hashable {
        /// A single journal column, 3.4 in wide.
        case column
        /// One and a half columns, 5 in wide.
        case oneAndHalf
        /// Full page width, 7 in.
        case wide
        /// Explicit width and height in inches.
        case custom(width: Double, height: Double)

        /// Width in inches.
        public var width: Double {
            switch self {
            case .column: 3.4
            case .oneAndHalf: 5
            case .wide: 7
            case .custom(let width, _): width
            }
        }
    }

    /// What to draw, e.g. "histograms".
    public let type: String
    /// Unique within the experiment; the figure id is `fig-<experiment>-<name>`.
    public let name: String
    /// The requested size; `nil` lets the figure choose its default.
    public let size: Size?
    /// A caption replacing the default one.
    public let caption: String?
    /// A logarithmic y axis where the figure offers one (loss curves).
    public let logY: Bool

    public init(type: String, name: String? = nil, size: Size? = nil, caption: String? = nil, logY: Bool = false) {
        self.type = type
        self.name = name ?? type
        self.size = size
        self.caption = caption
        self.logY = logY
    }

    /// The stable id used as file name, HTML anchor and citation label.
    public func id(experiment: String) -> String { "fig-\(experiment)-\(name)" }

    /// The figures of a spec: as listed, or one of each type.
    static func readAll(_ list: SpecReader?, types: [String]) throws(SpecError) -> [FigureSpec] {
        guard let list else { return types.map { FigureSpec(type: $0) } }
        var figures: [FigureSpec] = []
        for reader in list.elements {
            let figure = FigureSpec(
                type: reader.member("type").string, name: reader["name"]?.string,
                size: reader["size"].map(readSize), caption: reader["caption"]?.string,
                logY: reader["log_y"]?.bool ?? false)
            guard figure.name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
                throw (reader["name"] ?? reader).error(
                    "a figure name may contain only lower-case letters, digits and '-', found \"\(figure.name)\"")
            }
            if figures.contains(where: { $0.name == figure.name }) {
                throw (reader["name"] ?? reader).error(
                    "figure name \"\(figure.name)\" is used twice; give one of them a distinct \"name\"")
            }
            figures.append(figure)
        }
        return figures
    }

    private static func readSize(_ reader: SpecReader) -> Size {
        if reader.isString {
            switch reader.string {
            case "column": return .column
            case "one-and-half": return .oneAndHalf
            default: return .wide
            }
        }
        return .custom(width: reader.member("width").double, height: reader.member("height").double)
    }
}
