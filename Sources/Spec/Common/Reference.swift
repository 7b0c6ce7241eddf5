/// A work an experiment reproduces or relies on.
public struct Reference: Hashable, Sendable {
    public let key: String
    public let authors: String
    public let title: String
    public let venue: String
    public let year: Int
    public let url: String?

    public init(key: String, authors: String, title: String, venue: String, year: Int, url: String? = nil) {
        self.key = key
        self.authors = authors
        self.title = title
        self.venue = venue
        self.year = year
        self.url = url
    }

    /// "Authors (year). Title. Venue." for the report's reference list.
    public var citation: String { "\(authors) (\(year)). \(title). \(venue)." }

    /// Whether `link` may become an `href`: an http(s) URL or a relative link, never a
    /// `javascript:`, `data:` or other scheme that runs or embeds something when clicked.
    ///
    /// A scheme is whatever precedes the first ':' that comes before any '/', '?' or '#' (as
    /// browsers parse it); whitespace and control characters are refused outright, since
    /// browsers drop them inside a scheme ("java\tscript:" is "javascript:").
    public static func isSafeLink(_ link: String) -> Bool {
        guard !link.isEmpty, !link.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else {
            return false
        }
        guard let end = link.firstIndex(where: { ":/?#".contains($0) }), link[end] == ":" else { return true }
        let scheme = link[..<end].lowercased()
        return scheme == "http" || scheme == "https"
    }
}
