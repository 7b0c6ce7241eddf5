import Foundation

/// How a report page refers to its own files: by relative path, or inline as data: URLs for a
/// self-contained page that makes no request at all.
struct ReportLinks {
    private let inlined: [String: Data]?

    /// Links to files beside the page.
    static let relative = ReportLinks(inlined: nil)

    /// Every link carries the file's bytes.
    static func inline(_ files: [String: Data]) -> ReportLinks { ReportLinks(inlined: files) }

    var isInline: Bool { inlined != nil }

    func url(for path: String) -> String {
        guard let inlined, let data = inlined[path] else { return path }
        return "data:\(Self.mediaType(of: path));base64,\(data.base64EncodedString())"
    }

    private static func mediaType(of path: String) -> String {
        switch path.split(separator: ".").last {
        case "png": "image/png"
        case "pdf": "application/pdf"
        case "svg": "image/svg+xml"
        case "json": "application/json"
        case "csv": "text/csv"
        case "tex": "application/x-tex"
        case "ipynb": "application/x-ipynb+json"
        default: "application/octet-stream"
        }
    }
}
