import Narrative

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

    /// Whether `link` may become an `href`: the narrative's `LinkPolicy` (http(s), relative,
    /// `#fragment`; never `javascript:` or another scheme that runs or embeds something), and
    /// not empty.
    public static func isSafeLink(_ link: String) -> Bool {
        !link.isEmpty && LinkPolicy.allows(link)
    }
}
