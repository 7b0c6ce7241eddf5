/// One figure an experiment asks for, of one of its kind's figure types.
public struct FigureRequest<FigureType: Sendable & Hashable>: Sendable, Hashable {
    /// What to draw.
    public let type: FigureType
    /// Unique within the experiment; the figure id is `fig-<experiment>-<name>`.
    public let name: String
    /// The requested size; `nil` lets the figure choose its default.
    public let size: FigureSize?
    /// A caption replacing the default one.
    public let caption: String?
    /// A logarithmic y axis where the figure offers one (loss curves).
    public let logY: Bool

    public init(type: FigureType, name: String, size: FigureSize? = nil, caption: String? = nil, logY: Bool = false) {
        self.type = type
        self.name = name
        self.size = size
        self.caption = caption
        self.logY = logY
    }

    /// The stable id used as file name, HTML anchor and citation label.
    public func id(experiment: String) -> String { "fig-\(experiment)-\(name)" }
}

extension FigureRequest where FigureType: RawRepresentable, FigureType.RawValue == String {
    /// A request named after its type.
    public init(_ type: FigureType) { self.init(type: type, name: type.rawValue) }
}
