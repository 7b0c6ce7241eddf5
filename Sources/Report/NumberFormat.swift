import Foundation

/// Numbers as tables print them: four significant digits, scientific only when needed.
enum NumberFormat {
    static func significant(_ value: Double, digits: Int = 4) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : value > 0 ? "∞" : "−∞" }
        if value == 0 { return "0" }
        return String(format: "%.\(digits)g", value)
    }

    static func percent(_ fraction: Double?) -> String {
        guard let fraction else { return "–" }
        return String(format: "%.1f%%", fraction * 100)
    }

    static func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }
}
