import Foundation

/// How long a run may be estimated to take before it is refused: `INITLAB_TIME_LIMIT` when set
/// ("90s", "30m", "4h", "2d", or seconds; "none" for no limit), otherwise one hour.
public struct TimeLimit: Sendable, Equatable {
    public let seconds: Double
    public let source: String

    public static let variable = "INITLAB_TIME_LIMIT"
    public static let defaultSeconds = 3600.0

    public init(seconds: Double, source: String) {
        self.seconds = seconds
        self.source = source
    }

    /// The limit in effect. A malformed `INITLAB_TIME_LIMIT` is an error, not ignored.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) throws(RunError)
        -> TimeLimit
    {
        guard let text = environment[variable] else {
            return TimeLimit(seconds: defaultSeconds, source: "the default; set \(variable), e.g. 4h, to allow more")
        }
        if text == "none" { return TimeLimit(seconds: .infinity, source: "\(variable)=none") }
        guard let seconds = parse(text) else {
            throw RunError("\(variable)=\"\(text)\": expected a duration such as 90s, 30m, 4h or 2d, or \"none\"")
        }
        return TimeLimit(seconds: seconds, source: "\(variable)=\(text)")
    }

    static func parse(_ text: String) -> Double? {
        let scales: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        var number = Substring(text.trimmingCharacters(in: .whitespaces))
        var scale = 1.0
        if let last = number.last, let factor = scales[last] {
            scale = factor
            number = number.dropLast()
        }
        guard let value = Double(number), value.isFinite, value > 0 else { return nil }
        return value * scale
    }
}
